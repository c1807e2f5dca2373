"""Forms of the SROI pages. Each names what is wrong and where, in the user's language."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from prevnet.core import access
from prevnet.knowledge.models import Program as KnowledgeProgram
from prevnet.programs.models import MunicipalProgram
from prevnet.sroi.models import (
    CURRENCY,
    Analysis,
    FinancialProxy,
    Input,
    Outcome,
    Output,
    Range,
    Stakeholder,
)


class AnalysisCreateForm(forms.ModelForm):
    start_from = forms.ModelChoiceField(
        queryset=Analysis.objects.none(),
        required=False,
        label=_("Start from a template"),
        empty_label=_("A blank analysis"),
        help_text=_(
            "Copies its stakeholders, inputs, outcomes and assumptions; change them after."
        ),
    )

    class Meta:
        model = Analysis
        fields = ["title", "program", "template_program", "base_year", "discount_rate"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["base_year"].initial = datetime.date.today().year
        programs = MunicipalProgram.objects.select_related("municipality")
        if not access.is_staff(user):
            programs = programs.filter(municipality__in=access.coordinated_ids(user))
            del self.fields["template_program"]
        else:
            self.fields["template_program"].queryset = KnowledgeProgram.objects.all()
            self.fields["template_program"].help_text = _(
                "Staff only: make this analysis a template for that knowledge-base program."
            )
        self.fields["program"].queryset = programs
        self.fields["program"].label_from_instance = lambda p: f"{p.name} ({p.municipality.name})"
        self.fields["start_from"].queryset = Analysis.objects.filter(
            template_program__isnull=False
        ).select_related("template_program")
        self.fields["start_from"].label_from_instance = lambda a: (
            f"{a.title} ({a.template_program})"
        )

    def clean(self):
        data = super().clean()
        if bool(data.get("program")) == bool(data.get("template_program")):
            message = _("Choose the municipal program this analysis is for.")
            if "template_program" in self.fields:
                message = _("Choose either a municipal program or a knowledge-base program.")
            self.add_error("program", message)
        return data


class AnalysisForm(forms.ModelForm):
    class Meta:
        model = Analysis
        fields = ["title", "scope", "base_year", "discount_rate"]


class _AnalysisPart(forms.ModelForm):
    """A form for one part of an analysis; choices of stakeholders and outcomes are its own."""

    def __init__(self, *args, analysis: Analysis, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.analysis = analysis
        if "stakeholder" in self.fields:
            self.fields["stakeholder"].queryset = analysis.stakeholders.all()
        if "outcome" in self.fields:
            self.fields["outcome"].queryset = analysis.outcomes.all()


class StakeholderForm(_AnalysisPart):
    class Meta:
        model = Stakeholder
        fields = ["name", "description"]


class InputForm(_AnalysisPart):
    class Meta:
        model = Input
        fields = ["year", "funder", "funder_type", "description", "amount", "in_kind"]


class OutputForm(_AnalysisPart):
    class Meta:
        model = Output
        fields = ["stakeholder", "description", "quantity", "unit"]


class OutcomeForm(_AnalysisPart):
    copy_from_library = forms.ModelChoiceField(
        queryset=FinancialProxy.objects.all(),
        required=False,
        label=_("Copy a proxy from the library"),
        empty_label=_("No: I enter the proxy below"),
        help_text=_("Its value, source and year are copied here and replace those below."),
    )

    class Meta:
        model = Outcome
        fields = [
            "stakeholder", "description", "indicator", "quantity", "duration",
            "copy_from_library", "proxy_description", "value_per_unit", "proxy_source",
            "proxy_currency", "proxy_year", "deadweight", "attribution", "displacement",
            "drop_off",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filled from the library when a proxy is chosen, so not required then.
        for name in ("proxy_description", "value_per_unit", "proxy_source", "proxy_year"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        if data.get("copy_from_library"):
            return data
        for name in ("proxy_description", "value_per_unit", "proxy_source", "proxy_year"):
            if data.get(name) in (None, ""):
                self.add_error(name, _("Enter it, or copy a proxy from the library."))
        currency = (data.get("proxy_currency") or "").upper()
        if currency != CURRENCY:
            self.add_error(
                "proxy_currency",
                _("Only Canadian dollars (CAD) are calculated: convert the value first and "
                  "name the exchange rate in the source."),
            )  # fmt: skip
        return data

    def _post_clean(self):
        proxy = (
            self.cleaned_data.get("copy_from_library") if hasattr(self, "cleaned_data") else None
        )
        if proxy is not None:
            from prevnet.sroi.services import copy_proxy

            copy_proxy(self.instance, proxy)
            for name in (
                "proxy_description",
                "value_per_unit",
                "proxy_source",
                "proxy_currency",
                "proxy_year",
            ):
                self.cleaned_data[name] = getattr(self.instance, name)
        super()._post_clean()


class RangeForm(_AnalysisPart):
    class Meta:
        model = Range
        fields = ["outcome", "parameter", "low", "likely", "high"]

    def validate_unique(self):
        # The model's unique constraint names no field; say which in words.
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error("parameter", _("This assumption already has a range: edit that one."))


class ProxyForm(forms.ModelForm):
    class Meta:
        model = FinancialProxy
        fields = [
            "name_en", "name_fr", "unit_en", "unit_fr", "value", "currency", "year",
            "source", "source_url", "is_illustrative",
        ]  # fmt: skip


class MonteCarloForm(forms.Form):
    draws = forms.IntegerField(label=_("Draws"), min_value=100, max_value=100_000, initial=10_000)
    seed = forms.IntegerField(label=_("Seed"), min_value=0, max_value=2**32 - 1, initial=2026)


# kind in the URL -> (model, form, heading to add one, heading to edit one)
PARTS = {
    "stakeholders": (Stakeholder, StakeholderForm, _("Add a stakeholder"), _("Edit a stakeholder")),
    "inputs": (Input, InputForm, _("Add an input"), _("Edit an input")),
    "outputs": (Output, OutputForm, _("Add an output"), _("Edit an output")),
    "outcomes": (Outcome, OutcomeForm, _("Add an outcome"), _("Edit an outcome")),
    "ranges": (
        Range,
        RangeForm,
        _("Add an uncertain assumption"),
        _("Edit an uncertain assumption"),
    ),
}
