"""Community data pages. Thin: check access, read a GET form, call a service, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.files.base import File
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from prevnet.communitydata import compare as comparing
from prevnet.communitydata import diagnosis, services
from prevnet.communitydata.chart import line_chart
from prevnet.communitydata.forms import CompareForm, ImportForm, MatchForm, TrendForm
from prevnet.communitydata.importer import read_progress
from prevnet.communitydata.models import SYMBOLS, Geography, ImportRun, MatchMethod, Table
from prevnet.communitydata.tasks import run_import_task
from prevnet.core import access
from prevnet.core.exports import FORMATS, export_response
from prevnet.network.models import Municipality


def _municipality(request, pk) -> Municipality:
    municipality = get_object_or_404(Municipality.objects.select_related("province"), pk=pk)
    access.require(request, "communitydata.view_data", municipality)
    return municipality


def index(request):
    access.require(request, "communitydata.view_data")
    context = {
        "municipalities": services.municipalities_with_data().order_by("name"),
        "tables": Table.objects.annotate(n=Count("series")).order_by("pid"),
        "can_import": access.can(request.user, "communitydata.import_data"),
    }
    return render(request, "communitydata/index.html", context)


def municipality_data(request, pk):
    municipality = _municipality(request, pk)
    if request.GET:
        form = TrendForm(request.GET, municipality=municipality)
    else:  # the default peers show as chosen, so the form tells what the chart compares
        initial = {"peers": [p.pk for p in services.default_peers(municipality)]}
        form = TrendForm(initial=initial, municipality=municipality)
    data = form.cleaned_data if form.is_valid() else {}
    choices = dict(form.fields["violation"].choices)
    violation = data.get("violation") or next(iter(choices), "")
    statistic = data.get("statistic") or "rate"
    # A submitted form means the peers it lists (none when none is selected).
    peers = (data.get("peers") or []) if request.GET else services.default_peers(municipality)
    lines = services.trend(municipality, violation, statistic, peers or [])
    years = services.years_of(lines)
    if request.GET.get("format") in FORMATS:
        headers = [_("Year"), *(h for line in lines for h in (line.label, _("Symbols")))]
        rows = [[y, *(v for line in lines for v in _cell(line.at(y)))] for y in years]
        return export_response(
            request.GET["format"], f"{municipality.name}-{violation}", headers, rows
        )
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        "municipality": municipality,
        "form": form,
        "violation_label": choices.get(violation, ""),
        "statistic": statistic,
        "lines": lines,
        "years": years,
        "rows": [(y, [line.at(y) for line in lines]) for y in years],
        "chart": line_chart(lines, years),
        "census": services.census_indicators([municipality, *(peers or [])]),
        "symbols": SYMBOLS,
        "query": query.urlencode(),
        "peers": peers,
        "sources": Table.objects.filter(series__geography__municipality=municipality).distinct(),
    }
    return render(request, "communitydata/municipality_data.html", context)


def _cell(point):
    return (point.value, point.flags) if point else ("", "")


def municipality_diagnosis(request, pk):
    municipality = _municipality(request, pk)
    peers = services.default_peers(municipality)
    findings = diagnosis.diagnose(municipality, peers)
    context = {
        "municipality": municipality,
        "peers": peers,
        "groups": diagnosis.by_kind(findings),
        "logic_model": {p.pk: diagnosis.logic_model_url(p) for f in findings for p in f.programs},
        "sources": Table.objects.filter(series__geography__municipality=municipality).distinct(),
    }
    return render(request, "communitydata/diagnosis.html", context)


def compare(request):
    access.require(request, "communitydata.view_data")
    form = CompareForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    indicators = data.get("indicators") or comparing.default_indicators()
    table = comparing.table(data.get("municipalities") or [], indicators)
    if request.GET.get("format") in FORMATS and table["columns"]:
        headers = [_("Indicator"), *table["columns"]]
        return export_response(request.GET["format"], "comparison", headers, table["rows"])
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "communitydata/compare.html",
        {"form": form, "table": table, "query": query.urlencode()},
    )


def import_list(request):
    access.require(request, "communitydata.import_data")
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        run = ImportRun(created_by=request.user)
        if upload:
            run.original_name = upload.name[:255]
            run.file.save(upload.name, File(upload), save=False)
        else:
            run.original_name = f"fetch:{form.cleaned_data['pid']}"[:255]
        run.save()
        run_import_task.enqueue(str(run.pk))
        messages.success(request, _("The import has started."))
        return redirect("communitydata:import_detail", run.pk)
    runs = ImportRun.objects.select_related("table")[:50]
    return render(request, "communitydata/import_list.html", {"form": form, "runs": runs})


def import_detail(request, pk):
    access.require(request, "communitydata.import_data")
    run = get_object_or_404(ImportRun, pk=pk)
    progress = read_progress(run)
    percent = (
        int(100 * progress["done"] / progress["total"]) if progress.get("total") else run.percent
    )
    if run.status == "done":
        percent = 100
    if request.GET.get("format") == "json":
        label = _("%(status)s: %(percent)s%%, %(rows)s rows") % {
            "status": run.get_status_display(),
            "percent": percent,
            "rows": progress.get("rows", 0),
        }
        return JsonResponse({"finished": run.is_finished, "percent": percent, "label": label})
    changes = run.changes.select_related("observation__series__geography")[:100]
    context = {"run": run, "percent": percent, "progress": progress, "changes": changes}
    return render(request, "communitydata/import_detail.html", context)


def geography_review(request):
    access.require(request, "communitydata.import_data")
    if request.method == "POST":
        form = MatchForm(request.POST)
        if form.is_valid():
            geography = get_object_or_404(Geography, pk=form.cleaned_data["geography"])
            chosen = form.cleaned_data["municipality"]
            geography.municipality = chosen
            geography.match_method = MatchMethod.MANUAL if chosen else ""
            geography.save(update_fields=["municipality", "match_method"])
            messages.success(request, _("Saved."))
        return redirect(request.get_full_path())
    show_all = request.GET.get("all") == "1"
    levels = ["csd", "police", "cma", "ca"]
    qs = Geography.objects.filter(level__in=levels).select_related("municipality", "province")
    if not show_all:
        qs = qs.filter(municipality__isnull=True)
    context = {
        "geographies": qs.order_by("level", "name")[:500],
        "show_all": show_all,
        "municipalities": Municipality.objects.select_related("province").order_by("name"),
        "max_upload": getattr(settings, "FILE_UPLOAD_MAX_MEMORY_SIZE", 0),
    }
    return render(request, "communitydata/geography_review.html", context)
