"""Forms of process evaluation: filters, logic models and items, indicators and targets,
values entered with evidence, report commentary."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from prevnet.core import programme
from prevnet.evaluation import computations
from prevnet.evaluation.models import (
    Disaggregation,
    EnteredValue,
    Indicator,
    Level,
    LogicItem,
)
from prevnet.knowledge.models import Program as KnowledgeProgram
from prevnet.network import forms as network_forms
from prevnet.network.models import Municipality
from prevnet.programs.models import MunicipalProgram

MAX_EVIDENCE_BYTES = getattr(settings, "PREVNET_MAX_EVIDENCE_BYTES", 10 * 1024 * 1024)
EVIDENCE_TYPES = (".pdf", ".docx", ".xlsx", ".csv", ".txt", ".png", ".jpg", ".jpeg", ".odt")


class PlaceFilterForm(network_forms.PlaceFilterForm):
    """The dashboard's filters: region and province, as on the registry's lists."""


class LogicModelForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.all()
    )
    program = forms.ModelChoiceField(
        label=_("Municipal program"),
        queryset=MunicipalProgram.objects.all(),
        required=False,
        empty_label=_("None"),
        help_text=_("The municipality's program this logic model describes, if any."),
    )
    knowledge_program = forms.ModelChoiceField(
        label=_("Start from a knowledge-base program"),
        queryset=KnowledgeProgram.objects.all(),
        required=False,
        empty_label=_("No: start blank"),
        help_text=_("Its components and goals fill in the first items."),
    )
    levels = forms.MultipleChoiceField(
        label=_("Levels"),
        choices=Level.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=["activities", "outputs", "short_term", "intermediate", "long_term"],
    )

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities
            self.fields["program"].queryset = MunicipalProgram.objects.filter(
                municipality__in=municipalities
            ).select_related("municipality")

    def clean(self):
        data = super().clean()
        program, municipality = data.get("program"), data.get("municipality")
        if program and municipality and program.municipality_id != municipality.pk:
            self.add_error("program", _("Choose a program of the same municipality."))
        if program and not data.get("knowledge_program") and program.knowledge_program_id:
            # A program that implements a knowledge-base program starts from it by default.
            data["knowledge_program"] = program.knowledge_program
        return data


class LogicItemForm(forms.ModelForm):
    class Meta:
        model = LogicItem
        fields = ["level", "component", "text_en", "text_fr", "contributes_to", "order"]
        widgets = {
            "text_en": forms.Textarea(attrs={"rows": 2}),
            "text_fr": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, logic_model, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.logic_model = logic_model
        self.fields["level"].choices = logic_model.level_choices
        others = logic_model.items.all()
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["contributes_to"].queryset = others


class IndicatorForm(forms.ModelForm):
    disaggregations = forms.MultipleChoiceField(
        label=_("Disaggregations"),
        choices=Disaggregation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    computation = forms.ChoiceField(label=_("How the value is obtained"), required=False)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name_en",
            "name_fr",
            "definition_en",
            "definition_fr",
            "unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "programme_target",
            "cumulative",
            "disaggregations",
            "means_of_verification",
            "computation",
        ]
        widgets = {
            "baseline_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "definition_en": forms.Textarea(attrs={"rows": 2}),
            "definition_fr": forms.Textarea(attrs={"rows": 2}),
            "means_of_verification": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, programme_wide=True, **kwargs):
        super().__init__(*args, **kwargs)
        if programme_wide:
            self.fields["computation"].choices = computations.choices()
        else:
            # The computations count across the whole network, not one municipality's program.
            self.fields.pop("computation")
        for year in programme.YEARS:
            self.fields[f"target_{year}"] = forms.DecimalField(
                label=_("Target for year %(year)d") % {"year": year},
                required=False,
                max_digits=12,
                decimal_places=2,
                min_value=0,
            )
        if self.instance.pk:
            for t in self.instance.year_targets.all():
                self.fields[f"target_{t.year}"].initial = t.value

    def clean_disaggregations(self):
        chosen = self.cleaned_data.get("disaggregations") or []
        return [code for code in Disaggregation.values if code in chosen]

    def year_targets(self) -> dict[int, object]:
        return {year: self.cleaned_data.get(f"target_{year}") for year in programme.YEARS}


class EnteredValueForm(forms.ModelForm):
    year = forms.TypedChoiceField(
        label=_("Programme year"),
        coerce=int,
        choices=[(y, _("Year %(year)d") % {"year": y}) for y in programme.YEARS],
    )

    class Meta:
        model = EnteredValue
        fields = ["year", "value", "region", "province", "evidence_file", "evidence_link", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if not upload:
            return upload
        if upload.size > MAX_EVIDENCE_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)d MB at most).")
                % {"size": MAX_EVIDENCE_BYTES // (1024 * 1024)}
            )
        if not upload.name.lower().endswith(EVIDENCE_TYPES):
            raise forms.ValidationError(
                _("Upload a document or an image (%(types)s).")
                % {"types": ", ".join(EVIDENCE_TYPES)}
            )
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("evidence_file") and not data.get("evidence_link"):
            raise forms.ValidationError(_("Give the evidence: a file or a link."))
        if data.get("value") is not None and data["value"] < 0:
            self.add_error("value", _("A value cannot be negative."))
        return data


class ReportForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("Programme year"),
        coerce=int,
        choices=[(y, _("Year %(year)d") % {"year": y}) for y in programme.YEARS],
    )
    title = forms.CharField(label=_("Title"), max_length=200)


def commentary_form(sections, data=None, initial=None):
    """One text area per commentary section, in both languages."""
    form = forms.Form(data, initial=initial)
    for code, label in sections:
        form.fields[f"{code}_en"] = forms.CharField(
            label=_("%(section)s (English)") % {"section": label},
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
        form.fields[f"{code}_fr"] = forms.CharField(
            label=_("%(section)s (French)") % {"section": label},
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
    return form
