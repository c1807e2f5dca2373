"""Programs registry pages. Thin: check access, read a form, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from prevnet.core import access
from prevnet.core.exports import FORMATS, export_response
from prevnet.evaluation.models import LogicModel
from prevnet.network.models import Municipality
from prevnet.programs import services
from prevnet.programs.forms import FundingFormSet, ProgramFilterForm, ProgramForm
from prevnet.programs.models import MunicipalProgram

PAGE_SIZE = 50


def program_list(request):
    access.require(request, "programs.view_municipalprogram")
    form = ProgramFilterForm(request.GET or None)
    qs = services.search_programs(form.cleaned_data if form.is_valid() else {})
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        headers, rows = services.program_export(qs)
        return export_response(fmt, _("programs"), headers, rows)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    context = {"page": page, "form": form, "query": query.urlencode()}
    return render(request, "programs/program_list.html", context)


def municipality_programs(request, pk: int):
    access.require(request, "programs.view_municipalprogram")
    municipality = get_object_or_404(Municipality.objects.select_related("province"), pk=pk)
    programs = services.search_programs({}, municipality.programs.all())
    context = {
        "municipality": municipality,
        "programs": programs,
        "logic_models": municipality.logic_models.order_by("name"),
        "can_start_logic_model": access.can(
            request.user, "evaluation.add_logicmodel", LogicModel(municipality=municipality)
        ),
        "can_add": access.can(
            request.user,
            "programs.add_municipalprogram",
            MunicipalProgram(municipality=municipality),
        ),
    }
    return render(request, "programs/municipality_programs.html", context)


def program_detail(request, pk: int):
    access.require(request, "programs.view_municipalprogram")
    program = get_object_or_404(
        MunicipalProgram.objects.select_related("municipality__province", "knowledge_program"),
        pk=pk,
    )
    context = {
        "program": program,
        "fundings": program.fundings.all(),
        "funding_total": services.funding_total(program),
        "partners": program.partners.order_by("name"),
        "topics": program.topics.all(),
        "logic_models": program.logic_models.all(),
        "indicator_lines": [line for line in program.indicators.splitlines() if line.strip()],
        "can_edit": access.can(request.user, "programs.change_municipalprogram", program),
    }
    return render(request, "programs/program_detail.html", context)


def _edit(request, program: MunicipalProgram, heading: str, cancel_url: str):
    data = request.POST if request.method == "POST" else None
    form = ProgramForm(data, instance=program, municipality=program.municipality, user=request.user)
    formset = FundingFormSet(data, instance=program, prefix="fundings")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        program = services.save_program(form, formset, request.user)
        messages.success(request, _("Program saved."))
        return redirect(program.get_absolute_url())
    context = {"form": form, "formset": formset, "heading": heading, "cancel_url": cancel_url}
    return render(request, "programs/program_form.html", context)


def program_create(request, pk: int):
    municipality = get_object_or_404(Municipality, pk=pk)
    program = MunicipalProgram(municipality=municipality)
    access.require(request, "programs.add_municipalprogram", program)
    heading = _("Add a program in %(name)s") % {"name": municipality.name}
    cancel = reverse("programs:municipality_programs", args=[municipality.pk])
    return _edit(request, program, heading, cancel)


def program_edit(request, pk: int):
    program = get_object_or_404(MunicipalProgram.objects.select_related("municipality"), pk=pk)
    access.require(request, "programs.change_municipalprogram", program)
    heading = _("Edit %(name)s") % {"name": program.name}
    return _edit(request, program, heading, program.get_absolute_url())


def program_delete(request, pk: int):
    program = get_object_or_404(MunicipalProgram.objects.select_related("municipality"), pk=pk)
    access.require(request, "programs.delete_municipalprogram", program)
    if request.method == "POST":
        municipality = program.municipality
        services.delete_program(program, request.user)
        messages.success(request, _("Program deleted."))
        return redirect("programs:municipality_programs", municipality.pk)
    return render(request, "programs/program_delete.html", {"program": program})
