"""Activities' logic: listing, registration, attendance, assessments, certificates and the
programme's counts of people. Plain functions, no request objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from prevnet.activities.models import (
    Activity,
    ActivityType,
    Assessment,
    AssessmentKind,
    AssessmentResult,
    Certificate,
    CertificateKind,
    Exchange,
    ExchangeStatus,
    Registration,
    TrainingModule,
)
from prevnet.core import access
from prevnet.network.models import Person


def search_activities(qs: QuerySet[Activity], filters: dict) -> QuerySet[Activity]:
    qs = qs.select_related("place__province", "region", "module")
    if kind := filters.get("type"):
        qs = qs.filter(type=kind)
    if region := filters.get("region"):
        qs = qs.filter(region=region)
    if year := filters.get("year"):
        qs = qs.filter(programme_year=year)
    return qs


def activity_export(qs: QuerySet[Activity]) -> tuple[list[str], Iterator[list]]:
    headers = [
        _("Title"),
        _("Type"),
        _("Start"),
        _("End"),
        _("Place"),
        _("Region"),
        _("Language"),
        _("Programme year"),
        _("Organizers"),
    ]

    def rows():
        for a in qs.iterator(chunk_size=500):
            yield [
                a.title,
                a.get_type_display(),
                a.starts_on,
                a.ends_on,
                _("Online") if a.online or not a.place_id else a.place.name,
                a.region.name if a.region_id else "",
                a.get_language_display(),
                a.programme_year,
                a.organizers,
            ]

    return headers, rows()


def attendance_export(activity: Activity, registrations) -> tuple[list[str], Iterator[list]]:
    headers = [_("First name"), _("Last name"), _("E-mail"), _("Municipality"), _("Attended")]
    yes, no = _("Yes"), _("No")

    def rows():
        for r in registrations:
            p = r.person
            place = p.municipality.name if p.municipality_id else ""
            yield [p.first_name, p.last_name, p.email, place, yes if r.attended else no]

    return headers, rows()


def save_with_history(instance, user) -> None:
    instance._history_user = user if getattr(user, "is_authenticated", False) else None
    with transaction.atomic():
        instance.full_clean()
        instance.save()


# --- registration and attendance ----------------------------------------------------------


def registrable_people(user) -> QuerySet[Person]:
    """Whom ``user`` may register: staff anyone; a coordinator the people of their places."""
    qs = Person.objects.select_related("municipality").order_by("last_name", "first_name")
    if access.is_staff(user):
        return qs
    ids = access.coordinated_ids(user)
    return qs.filter(municipality_id__in=ids) if ids else qs.none()


def register(activity: Activity, person: Person, by) -> tuple[Registration, bool]:
    """Register a person once; a second registration returns the first (created False)."""
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                activity=activity,
                person=person,
                registered_by=by if getattr(by, "is_authenticated", False) else None,
            )
            return registration, True
    except IntegrityError:
        return Registration.objects.get(activity=activity, person=person), False


def visible_registrations(user, activity: Activity) -> QuerySet[Registration]:
    """Registrations whose personal data ``user`` may see (coordinators: their own people)."""
    qs = activity.registrations.select_related("person__municipality", "person__organization")
    if access.is_staff(user):
        return qs
    ids = access.coordinated_ids(user)
    if ids:
        return qs.filter(Q(person__municipality_id__in=ids) | Q(person__user=user))
    if access.role_of(user) != access.PUBLIC:
        return qs.filter(person__user=user)
    return qs.none()


@transaction.atomic
def set_attendance(activity: Activity, attended_ids: set[int], allowed: QuerySet, user) -> int:
    """Mark who came among the registrations ``allowed``; return how many changed."""
    changed = 0
    # Lock only the registrations: the people and places joined for display stay unlocked
    # (PostgreSQL refuses FOR UPDATE on the nullable side of an outer join).
    for registration in allowed.select_for_update(of=("self",)):
        came = registration.pk in attended_ids
        if registration.attended != came:
            registration.attended = came
            registration._history_user = user
            registration.save(update_fields=["attended"])
            changed += 1
    return changed


def impact_questionnaire_recipients(activity: Activity) -> QuerySet[Person]:
    """The people to invite to the activity-impact questionnaire: those who attended.

    The questionnaires capability sends them the version for ``activity.programme_year``."""
    return Person.objects.filter(
        registrations__activity=activity, registrations__attended=True
    ).distinct()


# --- assessments and certificates -----------------------------------------------------------


def assessment_for(module: TrainingModule) -> Assessment | None:
    return Assessment.objects.filter(module=module).prefetch_related("questions").first()


def score_quiz(assessment: Assessment, answers: dict[int, int]) -> int:
    """Percentage of questions answered with the right choice (choices numbered from 1)."""
    questions = list(assessment.questions.all())
    if not questions:
        return 0
    right = sum(1 for q in questions if answers.get(q.pk) == q.correct)
    return round(100 * right / len(questions))


def score_assignment(assessment: Assessment, points: list[int]) -> int:
    """Percentage of the rubric's points awarded by the trainer (each criterion capped)."""
    total = sum(int(c.get("points", 0)) for c in assessment.rubric)
    if total <= 0:
        return 0
    awarded = sum(
        max(0, min(int(p), int(c.get("points", 0))))
        for p, c in zip(points, assessment.rubric, strict=False)
    )
    return round(100 * awarded / total)


@transaction.atomic
def record_result(
    assessment: Assessment,
    person: Person,
    *,
    activity: Activity | None,
    answers: dict | None = None,
    points: list[int] | None = None,
    by=None,
) -> tuple[AssessmentResult, Certificate | None]:
    """Score an attempt; a pass makes the person trained to standard and issues a certificate.

    A failed attempt is kept (it is part of the person's history) but gives no certificate."""
    if assessment.kind == AssessmentKind.QUIZ:
        score = score_quiz(assessment, answers or {})
        stored = {str(k): v for k, v in (answers or {}).items()}
    else:
        score = score_assignment(assessment, points or [])
        stored = {"points": list(points or [])}
    result = AssessmentResult(
        assessment=assessment,
        person=person,
        activity=activity,
        score=score,
        passed=score >= assessment.pass_mark,
        answers=stored,
        graded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    result._history_user = result.graded_by
    result.save()
    certificate = None
    if result.passed:
        certificate = Certificate.objects.create(
            kind=CertificateKind.TRAINED,
            person=person,
            activity=activity,
            module=assessment.module,
            result=result,
        )
    return result, certificate


def attendance_certificate(registration: Registration) -> Certificate:
    """The certificate of attendance of one who came (issued once, then reused)."""
    if not registration.attended:
        raise ValueError("no certificate of attendance for someone who did not attend")
    existing = Certificate.objects.filter(
        kind=CertificateKind.ATTENDANCE, person=registration.person, activity=registration.activity
    ).first()
    return existing or Certificate.objects.create(
        kind=CertificateKind.ATTENDANCE,
        person=registration.person,
        activity=registration.activity,
    )


def verify(code: str) -> Certificate | None:
    """The valid certificate with this code, or None for a forged, mistyped or revoked one."""
    code = (code or "").strip().upper().replace(" ", "")
    if len(code) > 19:
        return None
    return (
        Certificate.objects.select_related("person", "activity", "module")
        .filter(code=code, revoked=False)
        .first()
    )


# --- the programme's counts: each person (or municipality) once -----------------------------


def _period(qs: QuerySet, field: str, start: dt.date | None, end: dt.date | None) -> QuerySet:
    if start:
        qs = qs.filter(**{f"{field}__gte": start})
    if end:
        qs = qs.filter(**{f"{field}__lte": end})
    return qs


def _place(qs: QuerySet, prefix: str, region=None, province=None) -> QuerySet:
    # A person or municipality counts where they are from (their municipality's province).
    if region:
        qs = qs.filter(**{f"{prefix}province__region": region})
    if province:
        qs = qs.filter(**{f"{prefix}province": province})
    return qs


def sensitized_people(start=None, end=None, region=None, province=None) -> QuerySet[Person]:
    """People who attended at least one regional workshop in the period: each person once."""
    regs = Registration.objects.filter(attended=True, activity__type=ActivityType.WORKSHOP)
    regs = _period(regs, "activity__starts_on", start, end)
    people = Person.objects.filter(pk__in=regs.values("person_id"))
    return _place(people, "municipality__", region, province)


def trained_people(module=None, start=None, end=None, region=None, province=None):
    """People who passed the assessment of ``module`` (any module if None) in the period."""
    results = AssessmentResult.objects.filter(passed=True)
    if module is not None:
        results = results.filter(assessment__module=module)
    results = _period(results, "taken_on", start, end)
    people = Person.objects.filter(pk__in=results.values("person_id"))
    return _place(people, "municipality__", region, province)


def exchange_projects(start=None, end=None, region=None, province=None) -> QuerySet[Exchange]:
    """Coaching and mentoring projects under way or done (approved or further) in the period,
    placed by the visiting municipality."""
    qs = Exchange.objects.exclude(status=ExchangeStatus.PROPOSED)
    qs = _period(qs, "activity__starts_on", start, end)
    return _place(qs, "visiting__", region, province)


def coached_municipalities(start=None, end=None, region=None, province=None):
    """New municipalities coached directly in the period, each once."""
    from prevnet.network.models import Municipality

    acts = Activity.objects.filter(type=ActivityType.COACHING)
    acts = _period(acts, "starts_on", start, end)
    qs = Municipality.objects.filter(pk__in=acts.values("coached_municipality_id"))
    return _place(qs, "", region, province)


def programme_counts(start=None, end=None, region=None, province=None) -> dict:
    """Every count the process evaluation reads, for a period and place."""
    args = (start, end, region, province)
    trained = {m.subject: trained_people(m, *args).count() for m in TrainingModule.objects.all()}
    return {
        "sensitized": sensitized_people(*args).count(),
        "trained": trained_people(None, *args).count(),
        "trained_by_module": trained,
        "exchanges": exchange_projects(*args).count(),
        "coached_municipalities": coached_municipalities(*args).count(),
    }
