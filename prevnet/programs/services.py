"""The programs registry's domain logic: search, totals, and saving a program with its fundings."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from prevnet.network.services import save_with_history
from prevnet.programs.models import MunicipalProgram


def search_programs(filters: dict, qs: QuerySet | None = None) -> QuerySet:
    qs = qs if qs is not None else MunicipalProgram.objects.all()
    qs = qs.select_related("municipality__province", "knowledge_program")
    if filters.get("q"):
        q = filters["q"]
        qs = qs.filter(
            Q(name__icontains=q)
            | Q(priority_problem__icontains=q)
            | Q(municipality__name__icontains=q)
        )
    if filters.get("region"):
        qs = qs.filter(municipality__province__region=filters["region"])
    if filters.get("province"):
        qs = qs.filter(municipality__province=filters["province"])
    if filters.get("evaluation"):
        qs = qs.filter(evaluation_status=filters["evaluation"])
    if filters.get("fostered"):
        qs = qs.filter(fostered_by_programme=filters["fostered"] == "yes")
    return qs.annotate(total_funding=Sum("fundings__amount")).order_by("municipality__name", "name")


def funding_total(program: MunicipalProgram) -> Decimal:
    return program.fundings.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def save_program(form, formset, user) -> MunicipalProgram:
    """Save a program and its fundings together: an invalid funding leaves nothing written."""
    with transaction.atomic():
        program = form.save(commit=False)
        save_with_history(program, user)
        form.save_m2m()
        formset.instance = program
        for funding in formset.save(commit=False):
            funding._history_user = user
            funding.save()
        for funding in formset.deleted_objects:
            funding.delete()
    return program


def delete_program(program: MunicipalProgram, user) -> None:
    """Delete a program and its fundings; the edit history keeps who did it."""
    program._history_user = user
    with transaction.atomic():
        for funding in program.fundings.all():
            funding._history_user = user
            funding.delete()
        program.delete()


def program_export(qs: QuerySet):
    headers = [
        _("Municipality"),
        _("Program"),
        _("Knowledge-base program"),
        _("Priority crime problem"),
        _("Start"),
        _("End"),
        _("Mainstreamed"),
        _("Fostered by the programme"),
        _("Evaluation"),
        _("Funding (CAD)"),
    ]
    rows = (
        [
            p.municipality.name,
            p.name,
            p.knowledge_program.name if p.knowledge_program else "",
            p.priority_problem,
            p.started_on,
            p.ended_on,
            _("Yes") if p.is_mainstreamed else _("No"),
            _("Yes") if p.fostered_by_programme else _("No"),
            p.get_evaluation_status_display(),
            p.total_funding,
        ]
        for p in qs.iterator(chunk_size=500)
    )
    return headers, rows
