"""Forms of the programs registry: a program with its fundings (an inline formset)."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from prevnet.core import access
from prevnet.network.forms import PlaceFilterForm
from prevnet.network.models import Organization
from prevnet.programs.models import EvaluationStatus, Funding, MunicipalProgram


class ProgramFilterForm(PlaceFilterForm):
    field_order = ["q"]  # the search box first, then the inherited place filters

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    evaluation = forms.ChoiceField(
        label=_("Evaluation"),
        required=False,
        choices=[("", _("Any"))] + list(EvaluationStatus.choices),
    )
    fostered = forms.ChoiceField(
        label=_("Fostered by the programme"),
        required=False,
        choices=[("", _("Any")), ("yes", _("Yes")), ("no", _("No"))],
    )


class ProgramForm(forms.ModelForm):
    class Meta:
        model = MunicipalProgram
        fields = [
            "name",
            "description",
            "knowledge_program",
            "priority_problem",
            "topics",
            "started_on",
            "ended_on",
            "is_mainstreamed",
            "fostered_by_programme",
            "evaluation_status",
            "indicators",
            "partners",
        ]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ended_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "topics": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "indicators": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, municipality, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
        # Partners: the municipality's own organizations and the national ones.
        self.fields["partners"].queryset = Organization.objects.filter(
            Q(municipality=municipality) | Q(municipality__isnull=True)
        ).order_by("name")
        self.fields["partners"].required = False
        if not access.is_staff(user):
            # Whether the programme fostered a program is the network's call (it counts
            # toward the programme's target), so only staff set it.
            self.fields.pop("fostered_by_programme")


class FundingForm(forms.ModelForm):
    class Meta:
        model = Funding
        fields = ["funder_type", "funder_name", "amount", "year"]

    def clean_amount(self):
        amount = self.cleaned_data.get("amount")
        if amount is not None and amount < 0:
            raise forms.ValidationError(_("An amount cannot be negative."))
        return amount

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and not 1900 <= year <= 2100:
            raise forms.ValidationError(_("Enter a year between 1900 and 2100."))
        return year


FundingFormSet = forms.inlineformset_factory(
    MunicipalProgram, Funding, form=FundingForm, extra=2, can_delete=True, max_num=30
)
