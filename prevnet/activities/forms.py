"""Forms of the activities pages."""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from prevnet.activities.models import (
    Activity,
    ActivityType,
    DelegationMember,
    Exchange,
    FollowUpAction,
    LearningProfile,
    MatchingWeights,
)
from prevnet.activities.signin import FIELDS, MAX_BYTES
from prevnet.core.programme import YEARS
from prevnet.network.models import Region

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActivityFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any"))] + list(ActivityType.choices)
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("All regions"),
    )
    year = forms.TypedChoiceField(
        label=_("Programme year"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any"))] + [(y, str(y)) for y in YEARS],
    )


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "type",
            "title",
            "starts_on",
            "ends_on",
            "place",
            "online",
            "region",
            "language",
            "organizers",
            "module",
            "coached_municipality",
            "description",
            "published",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE}


class RegisterForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=None)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class ExchangeForm(forms.ModelForm):
    class Meta:
        model = Exchange
        fields = ["visiting", "host", "return_visit_on", "learning_goals", "agenda", "status"]
        widgets = {"return_visit_on": DATE}


class ReportForm(forms.ModelForm):
    class Meta:
        model = Exchange
        fields = ["learned", "to_apply"]


ActionFormSet = inlineformset_factory(
    Exchange,
    FollowUpAction,
    fields=["action", "owner", "due_on"],
    widgets={"due_on": DATE},
    extra=2,
    can_delete=True,
)
DelegationFormSet = inlineformset_factory(
    Exchange, DelegationMember, fields=["person", "role"], extra=2, can_delete=True
)


class SignInUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Sign-in sheet"), help_text=_("CSV or XLSX, the first line naming the columns.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


FIELD_LABELS = {
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "full_name": _("Full name (when first and last are in one column)"),
    "email": _("E-mail"),
    "organization": _("Organization"),
}


class MappingForm(forms.Form):
    def __init__(self, *args, header=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("(not in the sheet)"))] + [(str(i), h) for i, h in enumerate(header)]
        for name in FIELDS:
            self.fields[name] = forms.TypedChoiceField(
                label=FIELD_LABELS[name],
                choices=choices,
                required=False,
                coerce=int,
                empty_value=None,
            )

    def clean(self):
        data = super().clean()
        names = data.get("full_name") is not None or (
            data.get("first_name") is not None and data.get("last_name") is not None
        )
        if not names:
            raise forms.ValidationError(
                _("Choose the columns of the first and last names, or of the full name.")
            )
        return data


class LearningProfileForm(forms.ModelForm):
    class Meta:
        model = LearningProfile
        fields = ["topics", "needs"]
        widgets = {"topics": forms.CheckboxSelectMultiple}


class WeightsForm(forms.ModelForm):
    class Meta:
        model = MatchingWeights
        fields = ["expertise", "similarity", "distance", "language", "mentoring"]


class QuizForm(forms.Form):
    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        for q in questions:
            self.fields[f"q{q.pk}"] = forms.TypedChoiceField(
                label=q.text,
                widget=forms.RadioSelect,
                coerce=int,
                choices=[(i + 1, label) for i, label in enumerate(q.choice_labels())],
            )

    def answers(self) -> dict[int, int]:
        return {int(k[1:]): v for k, v in self.cleaned_data.items()}


class GradeForm(forms.Form):
    def __init__(self, *args, rubric=(), language="en", **kwargs):
        super().__init__(*args, **kwargs)
        for i, criterion in enumerate(rubric):
            label = criterion.get(f"criterion_{language}") or criterion.get("criterion_en", "")
            top = int(criterion.get("points", 0))
            self.fields[f"c{i}"] = forms.IntegerField(
                label=f"{label} (/{top})", min_value=0, max_value=top
            )

    def points(self) -> list[int]:
        return [self.cleaned_data[f"c{i}"] for i in range(len(self.fields))]
