"""Forms of the questionnaires pages: filters, and reading an answering page's POST."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prevnet.network.models import Municipality, Person, Province, Region
from prevnet.questionnaires import schema
from prevnet.questionnaires.models import (
    Campaign,
    Purpose,
    QuestionnaireVersion,
    Unit,
    VersionStatus,
)


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


class XLSFormUploadForm(forms.Form):
    file = forms.FileField(
        label=_("XLSForm (.xlsx)"),
        help_text=_("Survey, choices and settings sheets; the version string goes in settings."),
    )


class AnswersUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV export (KoboToolbox or ODK)"),
        help_text=_("The same form's answers; a csd_code column ties rows to municipalities."),
    )


class CampaignForm(forms.Form):
    version = forms.ModelChoiceField(
        QuestionnaireVersion.objects.filter(status=VersionStatus.PUBLISHED).select_related(
            "questionnaire"
        ),
        label=_("Questionnaire version"),
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    unit = forms.ChoiceField(label=_("Answered by"), choices=Unit.choices)
    opens_on = forms.DateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(
        label=_("Closes on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    municipalities = forms.ModelMultipleChoiceField(
        Municipality.objects.select_related("province"),
        required=False,
        label=_("Municipalities invited"),
        help_text=_("For one answer per municipality."),
    )
    people = forms.ModelMultipleChoiceField(
        Person.objects.all(),
        required=False,
        label=_("People invited"),
        help_text=_("For one answer per person, or as the contact of their municipality."),
    )

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("The campaign closes before it opens."))
        if data.get("unit") == Unit.PERSON and not data.get("people"):
            self.add_error("people", _("Choose the people who answer."))
        if data.get("unit") == Unit.MUNICIPALITY and not (
            data.get("municipalities") or data.get("people")
        ):
            self.add_error("municipalities", _("Choose the municipalities that answer."))
        return data


class CorrectionReasonForm(forms.Form):
    reason = forms.CharField(label=_("Why the answers are corrected"), max_length=500)
