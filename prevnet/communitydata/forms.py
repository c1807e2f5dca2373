"""Forms of the data pages: all read with GET so the pages work without JavaScript."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prevnet.communitydata import census, services
from prevnet.network.models import Municipality

STATISTIC_CHOICES = [
    ("rate", _("Rate per 100,000 population")),
    ("incidents", _("Actual incidents")),
]
MAX_COMPARED = 10


class MunicipalityChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.province.abbreviation})"


class TrendForm(forms.Form):
    violation = forms.ChoiceField(label=_("Violation or index"), required=False)
    statistic = forms.ChoiceField(label=_("Statistic"), choices=STATISTIC_CHOICES, required=False)
    peers = MunicipalityChoices(
        label=_("Peers (up to five)"), queryset=Municipality.objects.none(), required=False
    )

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["violation"].choices = services.violation_choices()
        qs = services.municipalities_with_data()
        if municipality is not None:
            qs = qs.exclude(pk=municipality.pk)
        self.fields["peers"].queryset = qs.order_by("name")

    def clean_peers(self):
        peers = self.cleaned_data["peers"]
        if len(peers) > services.MAX_PEERS:
            raise forms.ValidationError(_("Choose at most five peers."))
        return list(peers)


class CompareForm(forms.Form):
    municipalities = MunicipalityChoices(
        label=_("Municipalities"), queryset=Municipality.objects.none(), required=False
    )
    indicators = forms.MultipleChoiceField(label=_("Indicators"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = services.municipalities_with_data().order_by(
            "name"
        )
        self.fields["indicators"].choices = indicator_choices()

    def clean_municipalities(self):
        chosen = self.cleaned_data["municipalities"]
        if len(chosen) > MAX_COMPARED:
            raise forms.ValidationError(_("Choose at most ten municipalities."))
        return list(chosen)


def indicator_choices() -> list[tuple[str, str]]:
    crime = [(f"crime:{k}", str(label)) for k, label in services.violation_choices()]
    people = [(f"census:{c[0]}", str(c[3])) for c in census.characteristics()]
    return [(_("Crime (latest rate per 100,000 or index)"), crime), (_("Census"), people)]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Statistics Canada file"),
        required=False,
        help_text=_("A full-table download (<id>-eng.zip) or a Census Profile 2021 CSV."),
    )
    pid = forms.CharField(
        label=_("Or fetch a table by its id"),
        required=False,
        max_length=20,
        help_text=_("For example 35-10-0177; needs this server to be online."),
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("file")) == bool(data.get("pid")):
            raise forms.ValidationError(_("Upload a file or give a table id (one of the two)."))
        return data


class MatchForm(forms.Form):
    geography = forms.IntegerField(widget=forms.HiddenInput)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.select_related("province"),
        required=False,
    )
