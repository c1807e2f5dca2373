"""Forms of the questionnaires pages: filters, and reading an answering page's POST."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prevnet.network.models import Province, Region
from prevnet.questionnaires import schema
from prevnet.questionnaires.models import Campaign


class ResultFilterForm(forms.Form):
    region = forms.ModelChoiceField(Region.objects.all(), required=False, label=_("Region"))
    province = forms.ModelChoiceField(
        Province.objects.all(), required=False, label=_("Province or territory")
    )


class CompareForm(ResultFilterForm):
    a = forms.ModelChoiceField(Campaign.objects.all(), label=_("Campaign"))
    b = forms.ModelChoiceField(Campaign.objects.all(), label=_("Compared with"))


def answers_from_post(form: schema.Form, data) -> dict:
    """The raw answers of an answering page's POST (checked later by schema.read_answers)."""
    raw: dict = {}

    def read(nodes, prefix, into):
        for node in nodes:
            if node.type == "group":
                read(node.children, prefix, into)
            elif node.type == "repeat":
                try:
                    count = min(int(data.get(f"{prefix}{node.name}.count", 0)), schema.MAX_REPEATS)
                except ValueError:
                    count = 0
                entries = []
                for i in range(1, count + 1):
                    entry: dict = {}
                    read(node.children, f"{prefix}{node.name}.{i}.", entry)
                    entries.append(entry)
                into[node.name] = entries
            elif node.type == "select_multiple":
                into[node.name] = data.getlist(prefix + node.name)
            elif node.is_answered:
                into[node.name] = data.get(prefix + node.name, "")

    read(form.nodes, "", raw)
    return raw
