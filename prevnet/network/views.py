"""Registry pages. Thin: check access, read a form, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from prevnet.core import access
from prevnet.core.exports import FORMATS, export_response
from prevnet.network import services
from prevnet.network.forms import (
    EngagementForm,
    ImportForm,
    MunicipalityFilterForm,
    MunicipalityForm,
    OrganizationFilterForm,
    OrganizationForm,
    PersonFilterForm,
    PersonForm,
)
from prevnet.network.models import (
    EngagementEvent,
    ImportJob,
    Municipality,
    Organization,
    Person,
)
from prevnet.network.tasks import run_import

PAGE_SIZE = 50


def _filters(form) -> dict:
    # Invalid filter values (a hand-edited URL) are ignored rather than failing the page.
    return form.cleaned_data if form.is_valid() else {}


def _list_page(request, template, qs, form, export, filename, extra=None):
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        headers, rows = export(qs)
        return export_response(fmt, filename, headers, rows)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    context = {"page": page, "form": form, "query": query.urlencode(), **(extra or {})}
    return render(request, template, context)


def municipality_list(request):
    access.require(request, "network.view_municipality")
    form = MunicipalityFilterForm(request.GET or None)
    qs = services.search_municipalities(_filters(form))
    return _list_page(
        request,
        "network/municipality_list.html",
        qs,
        form,
        services.municipality_export,
        _("municipalities"),
        {"can_add": access.can(request.user, "network.add_municipality")},
    )


def municipality_detail(request, pk: int):
    access.require(request, "network.view_municipality")
    municipality = get_object_or_404(
        Municipality.objects.select_related("province__region").with_engagement(), pk=pk
    )
    user = request.user
    organizations = municipality.organizations.order_by("name")
    context = {
        "municipality": municipality,
        "organizations": organizations,
        "can_edit": access.can(user, "network.change_municipality", municipality),
        "can_add_organization": access.can(
            user, "network.add_organization", Organization(municipality=municipality)
        ),
        "can_add_engagement": access.can(user, "network.add_engagementevent"),
        "can_see_history": access.can(user, "network.view_history"),
    }
    if access.can(user, "network.view_engagementevent"):
        context["engagement"] = municipality.engagement_events.all()
    if access.can(user, "network.view_person"):
        context["people"] = municipality.people.select_related("organization")
    elif access.can(user, "network.view_people_summary"):
        context["people_summary"] = services.people_summary(municipality, suppress=True)
    return render(request, "network/municipality_detail.html", context)


def _edit(request, form, heading, cancel_url, success):
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        services.save_with_history(obj, request.user)
        form.save_m2m()
        messages.success(request, success)
        return redirect(obj.get_absolute_url())
    context = {"form": form, "heading": heading, "cancel_url": cancel_url}
    return render(request, "network/_form_page.html", context)


def municipality_create(request):
    access.require(request, "network.add_municipality")
    form = MunicipalityForm(request.POST or None, user=request.user)
    return _edit(
        request,
        form,
        _("Add a municipality"),
        reverse("network:municipality_list"),
        _("Municipality added."),
    )


def municipality_edit(request, pk: int):
    municipality = get_object_or_404(Municipality, pk=pk)
    access.require(request, "network.change_municipality", municipality)
    form = MunicipalityForm(request.POST or None, instance=municipality, user=request.user)
    heading = _("Edit %(name)s") % {"name": municipality.name}
    return _edit(request, form, heading, municipality.get_absolute_url(), _("Changes saved."))


def engagement_create(request, pk: int):
    municipality = get_object_or_404(Municipality, pk=pk)
    access.require(request, "network.add_engagementevent")
    form = EngagementForm(request.POST or None, instance=EngagementEvent(municipality=municipality))
    if request.method == "POST" and form.is_valid():
        services.add_engagement(municipality, form.save(commit=False), request.user)
        messages.success(request, _("Engagement recorded."))
        return redirect(municipality)
    heading = _("Record engagement of %(name)s") % {"name": municipality.name}
    context = {"form": form, "heading": heading, "cancel_url": municipality.get_absolute_url()}
    return render(request, "network/_form_page.html", context)


def organization_list(request):
    access.require(request, "network.view_organization")
    form = OrganizationFilterForm(request.GET or None)
    qs = services.search_organizations(_filters(form))
    return _list_page(
        request,
        "network/organization_list.html",
        qs,
        form,
        services.organization_export,
        _("organizations"),
        {"can_add": access.can(request.user, "network.add_organization")},
    )


def organization_detail(request, pk: int):
    access.require(request, "network.view_organization")
    organization = get_object_or_404(
        Organization.objects.select_related("municipality__province"), pk=pk
    )
    user = request.user
    context = {
        "organization": organization,
        "can_edit": access.can(user, "network.change_organization", organization),
        "can_see_history": access.can(user, "network.view_history"),
        "people": access.visible(user, "network.view_person", organization.people.all()),
    }
    return render(request, "network/organization_detail.html", context)


def organization_create(request):
    access.require(request, "network.add_organization")
    initial = {}
    if "municipality" in request.GET and request.GET["municipality"].isdigit():
        initial["municipality"] = int(request.GET["municipality"])
    form = OrganizationForm(request.POST or None, user=request.user, initial=initial)
    return _edit(
        request,
        form,
        _("Add an organization"),
        reverse("network:organization_list"),
        _("Organization added."),
    )


def organization_edit(request, pk: int):
    organization = get_object_or_404(Organization, pk=pk)
    access.require(request, "network.change_organization", organization)
    form = OrganizationForm(request.POST or None, instance=organization, user=request.user)
    heading = _("Edit %(name)s") % {"name": organization.name}
    return _edit(request, form, heading, organization.get_absolute_url(), _("Changes saved."))


def person_list(request):
    access.require(request, "network.view_person")
    form = PersonFilterForm(request.GET or None)
    visible = access.visible(request.user, "network.view_person", Person.objects.all())
    qs = services.search_people(visible, _filters(form))
    return _list_page(
        request,
        "network/person_list.html",
        qs,
        form,
        services.person_export,
        _("people"),
        {"can_add": access.can(request.user, "network.add_person")},
    )


def person_detail(request, pk: int):
    person = get_object_or_404(
        Person.objects.select_related("organization", "municipality", "user"), pk=pk
    )
    access.require(request, "network.view_person", person)
    context = {
        "person": person,
        "can_edit": access.can(request.user, "network.change_person", person),
        "can_see_history": access.can(request.user, "network.view_history"),
    }
    return render(request, "network/person_detail.html", context)


def person_create(request):
    access.require(request, "network.add_person")
    form = PersonForm(request.POST or None)
    return _edit(
        request, form, _("Add a person"), reverse("network:person_list"), _("Person added.")
    )


def person_edit(request, pk: int):
    person = get_object_or_404(Person, pk=pk)
    access.require(request, "network.change_person", person)
    form = PersonForm(request.POST or None, instance=person)
    heading = _("Edit %(name)s") % {"name": person}
    return _edit(request, form, heading, person.get_absolute_url(), _("Changes saved."))


def import_create(request):
    access.require(request, "network.import_municipalities")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = ImportJob.objects.create(
            created_by=request.user, file=upload, original_name=upload.name[:255]
        )
        run_import.enqueue(str(job.pk))
        return redirect(job)
    jobs = ImportJob.objects.select_related("created_by")[:20]
    return render(request, "network/import_form.html", {"form": form, "jobs": jobs})


def import_detail(request, pk):
    access.require(request, "network.import_municipalities")
    job = get_object_or_404(ImportJob, pk=pk)
    if request.GET.get("format") == "json":
        # Polled by the page while the worker runs the import.
        return JsonResponse(
            {
                "status": job.status,
                "label": job.get_status_display(),
                "rows": job.rows_read,
                "finished": job.is_finished,
            }
        )
    return render(request, "network/import_detail.html", {"job": job})


def record_history(request, model: str, pk: int):
    access.require(request, "network.view_history")
    model_class = services.HISTORY_MODELS.get(model)
    if model_class is None:
        raise Http404
    instance = get_object_or_404(model_class, pk=pk)
    entries = services.record_history(instance)
    return render(request, "network/history.html", {"object": instance, "entries": entries})
