"""The dashboard and the indicator pages. Thin: check access, read a form, call a service."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from prevnet.core import access, programme
from prevnet.core.exports import FORMATS, export_response
from prevnet.evaluation import charts, figures, services
from prevnet.evaluation.computations import REGISTRY, Where
from prevnet.evaluation.forms import EnteredValueForm, IndicatorForm, PlaceFilterForm
from prevnet.evaluation.models import EnteredValue, Indicator, LogicItem
from prevnet.evaluation.templatetags.evaluation_tags import state


def _where(request) -> tuple[PlaceFilterForm, Where]:
    form = PlaceFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    region, province = data.get("region"), data.get("province")
    return form, Where(region.pk if region else None, province.pk if province else None)


def _chart(row: figures.Row) -> str:
    rows = [
        (_("Year %(year)d") % {"year": y}, c.value, c.target, state(c))
        for y, c in row.years.items()
    ]
    rows.append((_("Programme"), row.total.value, row.total.target, state(row.total)))
    return charts.bars(rows, row.indicator.name)


def dashboard(request):
    access.require(request, "evaluation.view_dashboard")
    form, where = _where(request)
    rows = figures.progress(figures.programme_indicators(), where)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        headers, table = figures.export_rows(rows)
        return export_response(fmt, _("indicators"), headers, table)
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        "form": form,
        "rows": [(row, _chart(row)) for row in rows],
        "years": programme.YEARS,
        "current_year": programme.year_of(timezone.localdate()),
        "query": query.urlencode(),
    }
    return render(request, "evaluation/dashboard.html", context)


def _period(request) -> tuple[str, figures.Period]:
    key = request.GET.get("period", "all")
    if key in {str(y) for y in programme.YEARS}:
        return key, figures.year_period(int(key))
    return "all", figures.programme_period()


def indicator_detail(request, pk: int):
    access.require(request, "evaluation.view_indicator")
    indicator = get_object_or_404(
        Indicator.objects.select_related("item__logic_model").prefetch_related("year_targets"),
        pk=pk,
    )
    form, where = _where(request)
    key, period = _period(request)
    row = figures.progress([indicator], where)[0]
    user = request.user
    comp = REGISTRY.get(indicator.computation)
    context = {
        "indicator": indicator,
        "computation": comp,
        "row": row,
        "chart": _chart(row),
        "form": form,
        "period_key": key,
        "years": programme.YEARS,
        "breakdown": figures.breakdown(indicator, period, where) if comp else None,
        "can_edit": access.can(user, "evaluation.change_logicmodel", indicator.item.logic_model),
        "can_enter": indicator.is_entered and access.can(user, "evaluation.add_enteredvalue"),
        "can_drill": comp is not None
        and comp.records is not None
        and (not comp.personal or access.can(user, "evaluation.view_personal_records")),
        "query": request.GET.urlencode(),
    }
    # Who entered a value is personal data: the list is for staff; others see the totals.
    if indicator.is_entered and access.can(user, "evaluation.view_personal_records"):
        context["entries"] = figures.entered_breakdown(indicator, None)
    return render(request, "evaluation/indicator_detail.html", context)


def indicator_records(request, pk: int):
    access.require(request, "evaluation.view_records")
    indicator = get_object_or_404(Indicator, pk=pk)
    comp = REGISTRY.get(indicator.computation)
    if comp is None or comp.records is None:
        raise Http404
    if comp.personal:
        access.require(request, "evaluation.view_personal_records")
    _form, where = _where(request)
    key, period = _period(request)
    headers, rows = services.records(indicator, period, where)
    context = {"indicator": indicator, "headers": headers, "rows": rows, "period_key": key}
    return render(request, "evaluation/indicator_records.html", context)


def _indicator_form(request, item: LogicItem, indicator: Indicator | None, heading: str):
    form = IndicatorForm(
        request.POST or None,
        instance=indicator,
        programme_wide=item.logic_model.is_programme,
    )
    if request.method == "POST" and form.is_valid():
        indicator = services.save_indicator(form, item)
        messages.success(request, _("Indicator saved."))
        return redirect(indicator)
    cancel = indicator.get_absolute_url() if indicator else item.logic_model.get_absolute_url()
    context = {"form": form, "heading": heading, "cancel_url": cancel}
    return render(request, "evaluation/form_page.html", context)


def indicator_create(request, pk: int):
    item = get_object_or_404(LogicItem.objects.select_related("logic_model"), pk=pk)
    access.require(request, "evaluation.change_logicmodel", item.logic_model)
    return _indicator_form(
        request, item, None, _("Add an indicator to “%(item)s”") % {"item": item.text[:80]}
    )


def indicator_edit(request, pk: int):
    indicator = get_object_or_404(Indicator.objects.select_related("item__logic_model"), pk=pk)
    access.require(request, "evaluation.change_logicmodel", indicator.item.logic_model)
    heading = _("Edit %(name)s") % {"name": indicator.name}
    return _indicator_form(request, indicator.item, indicator, heading)


def value_create(request, pk: int):
    indicator = get_object_or_404(Indicator, pk=pk)
    access.require(request, "evaluation.add_enteredvalue")
    if not indicator.is_entered:
        raise Http404  # computed indicators are never typed in twice
    form = EnteredValueForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.enter_value(form, indicator, request.user)
        messages.success(request, _("Value recorded."))
        return redirect(indicator)
    heading = _("Enter a value for %(name)s") % {"name": indicator.name}
    context = {
        "form": form,
        "heading": heading,
        "cancel_url": indicator.get_absolute_url(),
        "multipart": True,
    }
    return render(request, "evaluation/form_page.html", context)


def evidence_file(request, pk: int):
    """An entered value's evidence file, through an access check (uploads are not public)."""
    access.require(request, "evaluation.view_personal_records")
    entry = get_object_or_404(EnteredValue, pk=pk)
    if not entry.evidence_file:
        raise Http404
    name = entry.evidence_file.name.rsplit("/", 1)[-1]
    return FileResponse(entry.evidence_file.open("rb"), as_attachment=True, filename=name)
