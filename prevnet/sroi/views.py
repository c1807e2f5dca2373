"""SROI pages. Thin: check access, read a form, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prevnet.core import access
from prevnet.sroi import report, services
from prevnet.sroi.forms import PARTS, AnalysisCreateForm, AnalysisForm, MonteCarloForm, ProxyForm
from prevnet.sroi.models import Analysis, FinancialProxy
from prevnet.sroi.xlsx import xlsx_bytes


def _analysis(request, pk: int, perm: str = "sroi.view_analysis") -> Analysis:
    analysis = get_object_or_404(
        Analysis.objects.select_related("program__municipality", "template_program"), pk=pk
    )
    access.require(request, perm, analysis)
    return analysis


def analysis_list(request):
    access.require(request, "sroi.view_analysis")
    qs = Analysis.objects.select_related("program__municipality", "template_program")
    context = {
        "analyses": qs.filter(program__isnull=False),
        "templates": qs.filter(template_program__isnull=False),
        "can_add": access.can(request.user, "sroi.add_analysis"),
    }
    return render(request, "sroi/analysis_list.html", context)


def analysis_create(request):
    access.require(request, "sroi.add_analysis")
    form = AnalysisCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["start_from"]:
            analysis = services.copy_analysis(
                data["start_from"],
                title=data["title"],
                program=data["program"],
                template_program=data.get("template_program"),
                base_year=data["base_year"],
                created_by=request.user,
            )
            analysis.discount_rate = data["discount_rate"]
            analysis.save(update_fields=["discount_rate"])
        else:
            analysis = form.save(commit=False)
            analysis.created_by = request.user
            analysis.save()
        messages.success(request, _("Analysis created."))
        return redirect(analysis)
    context = {
        "form": form,
        "heading": _("New SROI analysis"),
        "cancel_url": reverse("sroi:analysis_list"),
    }
    return render(request, "sroi/form_page.html", context)


def analysis_detail(request, pk: int):
    analysis = _analysis(request, pk)
    context = {
        "analysis": analysis,
        "can_edit": access.can(request.user, "sroi.change_analysis", analysis),
        "stakeholders": analysis.stakeholders.all(),
        "inputs": analysis.inputs.all(),
        "outputs": analysis.outputs.select_related("stakeholder"),
        "outcomes": analysis.outcomes.select_related("stakeholder"),
        "ranges": analysis.ranges.select_related("outcome"),
        **report.results_context(analysis),
    }
    return render(request, "sroi/analysis_detail.html", context)


def analysis_edit(request, pk: int):
    analysis = _analysis(request, pk, "sroi.change_analysis")
    form = AnalysisForm(request.POST or None, instance=analysis)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Changes saved."))
        return redirect(analysis)
    heading = _("Edit %(title)s") % {"title": analysis.title}
    context = {"form": form, "heading": heading, "cancel_url": analysis.get_absolute_url()}
    return render(request, "sroi/form_page.html", context)


@require_POST
def analysis_delete(request, pk: int):
    analysis = _analysis(request, pk, "sroi.delete_analysis")
    analysis.delete()
    messages.success(request, _("Analysis deleted."))
    return redirect("sroi:analysis_list")


def _part(kind: str):
    if kind not in PARTS:
        raise Http404
    return PARTS[kind]


def part_edit(request, pk: int, kind: str, part_pk: int | None = None):
    """Add (part_pk None) or edit a stakeholder, input, output, outcome or assumption range."""
    analysis = _analysis(request, pk, "sroi.change_analysis")
    model, form_class, add_heading, edit_heading = _part(kind)
    instance = get_object_or_404(model, pk=part_pk, analysis=analysis) if part_pk else None
    form = form_class(request.POST or None, instance=instance, analysis=analysis)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            analysis.save(update_fields=["updated_at"])
        messages.success(request, _("Changes saved."))
        return redirect(f"{analysis.get_absolute_url()}#{kind}")
    context = {
        "form": form,
        "heading": edit_heading if instance else add_heading,
        "analysis": analysis,
        "cancel_url": analysis.get_absolute_url(),
    }
    return render(request, "sroi/form_page.html", context)


@require_POST
def part_delete(request, pk: int, kind: str, part_pk: int):
    analysis = _analysis(request, pk, "sroi.change_analysis")
    model, *_rest = _part(kind)
    instance = get_object_or_404(model, pk=part_pk, analysis=analysis)
    if kind == "stakeholders" and instance.outcomes.exists():
        messages.error(
            request, _("This stakeholder still has outcomes: delete or move them first.")
        )
    else:
        instance.delete()
        messages.success(request, _("Deleted."))
    return redirect(f"{analysis.get_absolute_url()}#{kind}")


def sensitivity(request, pk: int):
    analysis = _analysis(request, pk)
    form = MonteCarloForm(request.GET or None)
    options = form.cleaned_data if form.is_valid() else {}
    context = {
        "analysis": analysis,
        "form": form,
        "can_edit": access.can(request.user, "sroi.change_analysis", analysis),
        **report.sensitivity_context(
            analysis,
            options.get("draws", report.DEFAULT_DRAWS),
            options.get("seed", report.DEFAULT_SEED),
        ),
    }
    return render(request, "sroi/sensitivity.html", context)


def analysis_report(request, pk: int):
    analysis = _analysis(request, pk)
    return render(request, "sroi/report.html", report.report_context(analysis))


def _filename(analysis: Analysis, ext: str) -> str:
    return f"sroi-{slugify(analysis.title)[:60] or analysis.pk}.{ext}"


def report_pdf(request, pk: int):
    analysis = _analysis(request, pk)
    pdf = report.pdf_bytes(analysis, get_language(), request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(analysis, "pdf")}"'
    return response


def export_xlsx(request, pk: int):
    analysis = _analysis(request, pk)
    response = HttpResponse(
        xlsx_bytes(analysis),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(analysis, "xlsx")}"'
    return response


def proxy_list(request):
    access.require(request, "sroi.view_financialproxy")
    context = {
        "proxies": FinancialProxy.objects.all(),
        "can_edit": access.can(request.user, "sroi.change_financialproxy"),
    }
    return render(request, "sroi/proxy_list.html", context)


def proxy_edit(request, proxy_pk: int | None = None):
    perm = "sroi.change_financialproxy" if proxy_pk else "sroi.add_financialproxy"
    access.require(request, perm)
    proxy = get_object_or_404(FinancialProxy, pk=proxy_pk) if proxy_pk else None
    form = ProxyForm(request.POST or None, instance=proxy)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved. Analyses that copied the old figures keep them."))
        return redirect("sroi:proxy_list")
    heading = _("Edit a financial proxy") if proxy else _("Add a financial proxy")
    context = {"form": form, "heading": heading, "cancel_url": reverse("sroi:proxy_list")}
    return render(request, "sroi/form_page.html", context)
