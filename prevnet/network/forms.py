"""Forms of the registry pages: filters, and create/edit forms limited by role."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prevnet.core import access
from prevnet.network.models import (
    EngagementEvent,
    MembershipStatus,
    Municipality,
    Organization,
    OrganizationType,
    Person,
    PositionType,
    Province,
    Region,
)

YES_NO = [("", _("Any")), ("yes", _("Yes")), ("no", _("No"))]


class PlaceFilterForm(forms.Form):
    """Region and province filters, shared by every list and dashboard that filters by place."""

    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("All regions"),
    )
    province = forms.ModelChoiceField(
        label=_("Province or territory"),
        queryset=Province.objects.all(),
        required=False,
        to_field_name="abbreviation",
        empty_label=_("All provinces and territories"),
    )


class MunicipalityFilterForm(PlaceFilterForm):
    field_order = ["q"]  # the search box first, then the inherited place filters

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    membership = forms.ChoiceField(
        label=_("Membership"),
        required=False,
        choices=[("", _("Any"))] + list(MembershipStatus.choices),
    )
    ccss = forms.ChoiceField(label=_("Engaged in a CCSS"), required=False, choices=YES_NO)


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any"))] + list(OrganizationType.choices)
    )
    scope = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=[
            ("", _("Any")),
            ("national", _("National or provincial")),
            ("local", _("In a municipality")),
        ],
    )


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    position = forms.ChoiceField(
        label=_("Position"), required=False, choices=[("", _("Any"))] + list(PositionType.choices)
    )


class MunicipalityForm(forms.ModelForm):
    # Staff set the network-level facts; a coordinator keeps the municipality's own details.
    STAFF_ONLY = ("name", "province", "csd_code", "membership_status", "joined_on", "coordinators")

    class Meta:
        model = Municipality
        fields = [
            "name",
            "province",
            "csd_code",
            "population",
            "population_year",
            "latitude",
            "longitude",
            "website",
            "membership_status",
            "joined_on",
            "coordinators",
        ]
        widgets = {"joined_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not access.is_staff(user):
            for name in self.STAFF_ONLY:
                self.fields.pop(name, None)
        if "coordinators" in self.fields:
            from prevnet.core.models import Role, User

            self.fields["coordinators"].queryset = User.objects.filter(
                role=Role.COORDINATOR, is_active=True
            ).order_by("username")


class EngagementForm(forms.ModelForm):
    class Meta:
        model = EngagementEvent
        fields = ["kind", "started_on", "ended_on", "note"]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}),
            "ended_on": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "type", "municipality", "website"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = self.fields["municipality"]
        field.queryset = Municipality.objects.select_related("province")
        if not access.is_staff(user):
            # A coordinator may only place organizations in the municipalities they coordinate.
            field.queryset = field.queryset.filter(pk__in=access.coordinated_ids(user))
            field.required = True

    def clean(self):
        cleaned = super().clean()
        # Enforced here as well as in the field's choices, so a forged POST gets a clear message.
        if not access.can(
            self.user,
            "network.add_organization",
            Organization(**{"municipality": cleaned.get("municipality")}),
        ):
            self.add_error(
                "municipality", _("You may only add organizations to your municipality.")
            )
        return cleaned


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "email",
            "position_type",
            "title",
            "organization",
            "municipality",
            "language",
            "user",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.select_related("municipality")
        self.fields["municipality"].queryset = Municipality.objects.select_related("province")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Municipality list (CSV or XLSX)"),
        help_text=_(
            "Columns: name, province, csd_code (required); population, population_year, "
            "latitude, longitude, website, membership_status, joined_on."
        ),
    )

    def clean_file(self):
        from prevnet.network.importing import size_problem

        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."))
        if problem := size_problem(upload.size):
            raise forms.ValidationError(problem)
        return upload
