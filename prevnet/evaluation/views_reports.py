"""Progress report pages: list, start, commentary, generate (in the background), publish, PDFs."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prevnet.core import access
from prevnet.evaluation import reports
from prevnet.evaluation.forms import ReportForm, commentary_form
from prevnet.evaluation.models import Report, ReportStatus
from prevnet.evaluation.tasks import generate_report


def report_list(request):
    access.require(request, "evaluation.view_report")
    qs = access.visible(request.user, "evaluation.view_report", Report.objects.all())
    context = {"reports": qs, "can_add": access.can(request.user, "evaluation.add_report")}
    return render(request, "evaluation/report_list.html", context)


def report_create(request):
    access.require(request, "evaluation.add_report")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = Report.objects.create(created_by=request.user, **form.cleaned_data)
        messages.success(request, _("Report started: write the commentary, then generate it."))
        return redirect(report)
    context = {"form": form, "heading": _("Start a progress report"), "cancel_url": "../"}
    return render(request, "evaluation/form_page.html", context)


def report_detail(request, pk: int):
    report = get_object_or_404(Report, pk=pk)
    access.require(request, "evaluation.view_report", report)
    if request.GET.get("format") == "json":
        # Polled by the page while the worker generates the report.
        return JsonResponse(
            {
                "status": report.status,
                "label": report.get_status_display(),
                "progress": report.progress,
                "finished": not report.is_busy,
            }
        )
    context = {
        "report": report,
        "body": report.html(),
        "can_change": access.can(request.user, "evaluation.change_report", report),
    }
    return render(request, "evaluation/report_detail.html", context)


def report_commentary(request, pk: int):
    report = get_object_or_404(Report, pk=pk)
    access.require(request, "evaluation.change_report", report)
    if report.is_published:
        messages.error(request, _("A published report is frozen: its commentary cannot change."))
        return redirect(report)
    form = commentary_form(reports.COMMENTARY, request.POST or None, initial=report.commentary)
    if request.method == "POST" and form.is_valid():
        report.commentary = {k: v for k, v in form.cleaned_data.items() if v}
        report.save(update_fields=["commentary"])
        messages.success(request, _("Commentary saved. Generate the report to include it."))
        return redirect(report)
    heading = _("Commentary of %(title)s") % {"title": report.title}
    context = {"form": form, "heading": heading, "cancel_url": report.get_absolute_url()}
    return render(request, "evaluation/form_page.html", context)


@require_POST
def report_generate(request, pk: int):
    report = get_object_or_404(Report, pk=pk)
    access.require(request, "evaluation.change_report", report)
    if reports.queue(report):
        generate_report.enqueue(report.pk)
        messages.success(request, _("The report is being generated."))
    else:
        messages.error(request, _("This report is published or already being generated."))
    return redirect(report)


@require_POST
def report_publish(request, pk: int):
    report = get_object_or_404(Report, pk=pk)
    access.require(request, "evaluation.change_report", report)
    if report.status != ReportStatus.READY:
        messages.error(request, _("Generate the report before publishing it."))
    else:
        reports.publish(report)
        messages.success(request, _("Report published: its figures are now frozen."))
    return redirect(report)


def report_pdf(request, pk: int, language: str):
    report = get_object_or_404(Report, pk=pk)
    access.require(request, "evaluation.view_report", report)
    field = {"en": report.pdf_en, "fr": report.pdf_fr}.get(language)
    if not field:
        raise Http404
    name = f"progress-report-year-{report.year}-{language}.pdf"
    return FileResponse(field.open("rb"), as_attachment=True, filename=name)
