"""Activity pages. Thin: check access, read a form, call a service, render."""

from __future__ import annotations

import calendar
import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prevnet.activities import impact, services
from prevnet.activities.forms import (
    ActionFormSet,
    ActivityFilterForm,
    ActivityForm,
    DelegationFormSet,
    ExchangeForm,
    RegisterForm,
    ReportForm,
)
from prevnet.activities.ics import calendar_feed
from prevnet.activities.models import (
    Activity,
    ActivityType,
    Certificate,
    Exchange,
    ExchangeStatus,
)
from prevnet.core import access
from prevnet.core.exports import FORMATS, export_response
from prevnet.core.programme import YEARS, year_bounds
from prevnet.network.services import SMALL_COUNT

PAGE_SIZE = 50


def _visible_activities(request):
    return access.visible(request.user, "activities.view_activity", Activity.objects.all())


def _filters(request):
    form = ActivityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, services.search_activities(_visible_activities(request), filters)


def _query(request) -> str:
    query = request.GET.copy()
    for key in ("page", "format", "month"):
        query.pop(key, None)
    return query.urlencode()


def activity_list(request):
    access.require(request, "activities.view_activity")
    form, qs = _filters(request)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        headers, rows = services.activity_export(qs)
        return export_response(fmt, _("activities"), headers, rows)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "form": form,
        "query": _query(request),
        "can_add": access.can(request.user, "activities.add_activity"),
    }
    if access.role_of(request.user) != access.PUBLIC:
        context["figures"] = _figures(request.user)
    return render(request, "activities/activity_list.html", context)


def _figures(user) -> list[dict]:
    """The programme's counts per year, each person once (small counts hidden but for staff)."""
    rows = []
    for year in YEARS:
        start, end = year_bounds(year)
        counts = services.programme_counts(start, end)
        rows.append(
            {
                "year": year,
                "sensitized": _count(user, counts["sensitized"]),
                "trained": _count(user, counts["trained"]),
                "exchanges": counts["exchanges"],
                "coached": counts["coached_municipalities"],
            }
        )
    return rows


def _month(value: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(f"{value}-01")
    except (TypeError, ValueError):
        return timezone.localdate().replace(day=1)


def activity_calendar(request):
    access.require(request, "activities.view_calendar")
    form, qs = _filters(request)
    first = _month(request.GET.get("month"))
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    month_qs = qs.filter(starts_on__lte=last).exclude(ends_on__lt=first)
    month_qs = month_qs.exclude(ends_on__isnull=True, starts_on__lt=first)
    by_day: dict[dt.date, list] = {}
    for activity in month_qs:
        day = max(activity.starts_on, first)
        end = min(activity.ends_on or activity.starts_on, last)
        while day <= end:
            by_day.setdefault(day, []).append(activity)
            day += dt.timedelta(days=1)
    weeks = [
        [(d, by_day.get(d, []), d.month == first.month) for d in week]
        for week in calendar.Calendar().monthdatescalendar(first.year, first.month)
    ]
    previous = (first - dt.timedelta(days=1)).strftime("%Y-%m")
    following = (last + dt.timedelta(days=1)).strftime("%Y-%m")
    context = {
        "form": form,
        "weeks": weeks,
        "month": first,
        "previous": previous,
        "following": following,
        "query": _query(request),
        "day_names": [_(calendar.day_name[i]) for i in range(7)],
    }
    return render(request, "activities/activity_calendar.html", context)


def activity_feed(request):
    access.require(request, "activities.view_calendar")
    _form, qs = _filters(request)
    body = calendar_feed(qs, request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="prevnet-activities.ics"'
    return response


def _count(user, n: int):
    # Counts of people shown to anyone but staff hide values below 5 (README, who sees what).
    if access.is_staff(user) or n == 0 or n >= SMALL_COUNT:
        return n
    return _("fewer than %(n)s") % {"n": SMALL_COUNT}


def activity_detail(request, pk: int):
    activity = get_object_or_404(
        Activity.objects.select_related("place__province", "region", "module"), pk=pk
    )
    access.require(request, "activities.view_activity", activity)
    user = request.user
    exchange = Exchange.objects.filter(activity=activity).select_related("visiting", "host").first()
    registrations = services.visible_registrations(user, activity)
    context = {
        "activity": activity,
        "exchange": exchange,
        "registrations": registrations,
        "total_registered": _count(user, activity.registrations.count()),
        "total_attended": _count(user, activity.registrations.filter(attended=True).count()),
        "can_edit": access.can(user, "activities.change_activity", activity),
        "can_register": access.can(user, "activities.register_people", activity),
        "can_attend": access.can(user, "activities.take_attendance", activity),
        "can_import": access.can(user, "activities.import_signin", activity),
        "can_report": exchange is not None
        and access.can(user, "activities.report_exchange", exchange),
        "show_people": access.role_of(user) != access.PUBLIC,
        "join_url": request.build_absolute_uri(
            reverse("activities:self_register", args=[activity.pk, activity.registration_token])
        )
        if access.can(user, "activities.change_activity", activity)
        else "",
        "is_training": activity.type == ActivityType.TRAINING,
        "can_send_impact": access.can(user, "activities.send_impact_questionnaire", activity),
    }
    if context["can_send_impact"]:
        context["impact_campaign"] = impact.campaign_of(activity)
    if access.role_of(user) != access.PUBLIC:
        # The signed-in person's own certificates for this activity, to download.
        context["my_certificates"] = Certificate.objects.filter(
            activity=activity, person__user=user, revoked=False
        )
    if exchange:
        context["delegation"] = exchange.delegation.select_related("person")
        context["actions"] = exchange.actions.all()
    return render(request, "activities/activity_detail.html", context)


def _edit_activity(request, activity: Activity | None):
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        services.save_with_history(obj, request.user)
        messages.success(request, _("Activity saved."))
        if obj.type == ActivityType.EXCHANGE and not Exchange.objects.filter(activity=obj).exists():
            return redirect("activities:exchange_edit", obj.pk)
        return redirect(obj)
    heading = _("Edit %(title)s") % {"title": activity.title} if activity else _("New activity")
    cancel = activity.get_absolute_url() if activity else reverse("activities:activity_list")
    context = {"form": form, "heading": heading, "cancel_url": cancel}
    return render(request, "activities/form_page.html", context)


def activity_create(request):
    access.require(request, "activities.add_activity")
    return _edit_activity(request, None)


def activity_edit(request, pk: int):
    activity = get_object_or_404(Activity, pk=pk)
    access.require(request, "activities.change_activity", activity)
    return _edit_activity(request, activity)


def register_people(request, pk: int):
    activity = get_object_or_404(Activity, pk=pk)
    access.require(request, "activities.register_people", activity)
    form = RegisterForm(request.POST or None, people=services.registrable_people(request.user))
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        _reg, created = services.register(activity, person, request.user)
        if created:
            messages.success(request, _("%(name)s is registered.") % {"name": person})
        else:
            messages.info(request, _("%(name)s was already registered.") % {"name": person})
        return redirect("activities:register_people", activity.pk)
    context = {
        "activity": activity,
        "form": form,
        "registrations": services.visible_registrations(request.user, activity),
    }
    return render(request, "activities/register.html", context)


def self_register(request, pk: int, token: str):
    activity = get_object_or_404(Activity, pk=pk, registration_token=token)
    access.require(request, "activities.self_register", activity)
    person = getattr(request.user, "person", None)
    if request.method == "POST" and person is not None:
        _reg, created = services.register(activity, person, request.user)
        messages.success(
            request, _("You are registered.") if created else _("You were already registered.")
        )
        return redirect(activity)
    context = {"activity": activity, "person": person}
    return render(request, "activities/self_register.html", context)


def attendance(request, pk: int):
    activity = get_object_or_404(Activity, pk=pk)
    access.require(request, "activities.take_attendance", activity)
    registrations = services.visible_registrations(request.user, activity)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        headers, rows = services.attendance_export(activity, registrations)
        return export_response(fmt, _("attendance"), headers, rows)
    if request.method == "POST":
        ids = {int(v) for v in request.POST.getlist("attended") if v.isdigit()}
        changed = services.set_attendance(activity, ids, registrations, request.user)
        messages.success(request, _("Attendance saved (%(n)s changed).") % {"n": changed})
        return redirect("activities:attendance", activity.pk)
    context = {"activity": activity, "registrations": registrations}
    return render(request, "activities/attendance.html", context)


def exchange_edit(request, pk: int):
    activity = get_object_or_404(Activity, pk=pk, type=ActivityType.EXCHANGE)
    access.require(request, "activities.change_activity", activity)
    exchange = Exchange.objects.filter(activity=activity).first() or Exchange(activity=activity)
    form = ExchangeForm(request.POST or None, instance=exchange)
    delegation = DelegationFormSet(request.POST or None, instance=exchange, prefix="delegation")
    if request.method == "POST" and form.is_valid() and delegation.is_valid():
        with transaction.atomic():
            obj = form.save(commit=False)
            services.save_with_history(obj, request.user)
            delegation.instance = obj
            delegation.save()
        messages.success(request, _("Exchange saved."))
        return redirect(activity)
    context = {"activity": activity, "form": form, "formset": delegation}
    return render(request, "activities/exchange_form.html", context)


def exchange_report(request, pk: int):
    exchange = get_object_or_404(Exchange.objects.select_related("activity"), activity_id=pk)
    access.require(request, "activities.report_exchange", exchange)
    form = ReportForm(request.POST or None, instance=exchange)
    actions = ActionFormSet(request.POST or None, instance=exchange, prefix="actions")
    if request.method == "POST" and form.is_valid() and actions.is_valid():
        with transaction.atomic():
            obj = form.save(commit=False)
            obj.status = ExchangeStatus.REPORTED
            obj.reported_at = timezone.now()
            services.save_with_history(obj, request.user)
            actions.save()
        messages.success(request, _("Report saved."))
        return redirect(exchange.activity)
    context = {
        "activity": exchange.activity,
        "exchange": exchange,
        "form": form,
        "formset": actions,
    }
    return render(request, "activities/exchange_report.html", context)


@require_POST
def issue_attendance_certificate(request, pk: int):
    from prevnet.activities.models import Registration

    registration = get_object_or_404(Registration, pk=pk)
    access.require(request, "activities.issue_certificate", registration.activity)
    if not registration.attended:
        messages.error(request, _("Only someone who attended gets a certificate of attendance."))
        return redirect("activities:attendance", registration.activity_id)
    certificate = services.attendance_certificate(registration)
    return redirect("activities:certificate_pdf", certificate.code)
