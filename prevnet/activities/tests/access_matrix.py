"""Every activities page, for every role (merged by core/tests/test_access_matrix.py)."""

from __future__ import annotations

import datetime as dt

from conftest import ROLES

OK, LOGIN, DENIED = 200, 302, 403
REDIRECT = 302
ALL = dict.fromkeys(ROLES, OK)
SIGNED_IN = {**ALL, "anonymous": LOGIN}
STAFF = {**dict.fromkeys(ROLES, DENIED), "staff": OK, "anonymous": LOGIN}


def only(*allowed: str) -> dict:
    return {**STAFF, **dict.fromkeys(allowed, OK)}


def _activity(cast, **fields):
    from prevnet.activities.models import Activity

    if not hasattr(cast, "_activity"):
        cast._activity = Activity.objects.create(
            type=fields.get("type", "workshop"),
            title="Workshop",
            starts_on=dt.date(2025, 10, 1),
            place=cast.city_a,
        )
    return cast._activity


def _exchange(cast):
    from prevnet.activities.models import Activity, Exchange

    activity = Activity.objects.create(
        type="exchange", title="Visit", starts_on=dt.date(2025, 9, 1), place=cast.city_b
    )
    Exchange.objects.create(activity=activity, visiting=cast.city_a, host=cast.city_b)
    return [activity.pk]


def _training(cast):
    from prevnet.activities.models import Activity, Assessment, Registration, TrainingModule

    module, _c = TrainingModule.objects.get_or_create(subject="planning")
    Assessment.objects.get_or_create(module=module, defaults={"kind": "quiz"})
    activity = Activity.objects.create(
        type="training", title="T", starts_on=dt.date(2025, 9, 1), online=True, module=module
    )
    reg = Registration.objects.create(activity=activity, person=cast.person_a)
    return activity, reg


def _certificate(cast):
    from prevnet.activities.models import Certificate

    return [Certificate.objects.create(kind="attendance", person=cast.person_a).code]


def _merge(cast):
    from prevnet.network.factories import PersonFactory

    return [cast.person_a.pk, PersonFactory(municipality=cast.city_a).pk]


MATRIX = {
    "activities:activity_list": (None, ALL),
    "activities:activity_calendar": (None, ALL),
    "activities:activity_feed": (None, ALL),
    "activities:activity_create": (None, STAFF),
    "activities:activity_detail": (lambda c: [_activity(c).pk], ALL),
    "activities:activity_edit": (lambda c: [_activity(c).pk], STAFF),
    "activities:register_people": (
        lambda c: [_activity(c).pk],
        only("coordinator_a", "coordinator_b"),
    ),
    "activities:self_register": (
        lambda c: [_activity(c).pk, _activity(c).registration_token],
        SIGNED_IN,
    ),
    "activities:attendance": (lambda c: [_activity(c).pk], STAFF),
    "activities:exchange_edit": (_exchange, STAFF),
    "activities:exchange_report": (_exchange, only("coordinator_a")),
    "activities:signin_upload": (lambda c: [_activity(c).pk], STAFF),
    # Staff without an uploaded sheet are sent back to the upload step (302).
    "activities:signin_review": (
        lambda c: [_activity(c).pk],
        {**STAFF, "staff": REDIRECT},
    ),
    "activities:assessment_take": (lambda c: [_training(c)[0].pk], SIGNED_IN),
    "activities:assessment_grade": (lambda c: [x.pk for x in _training(c)], STAFF),
    "activities:certificate_verify": (None, ALL),
    "activities:certificate_pdf": (_certificate, only("participant")),
    "activities:duplicates": (None, STAFF),
    "activities:merge_people": (_merge, STAFF),
    "activities:matching_home": (None, SIGNED_IN),
    "activities:weights": (None, STAFF),
    "activities:matches": (lambda c: [c.city_a.pk], SIGNED_IN),
    "activities:learning_profile": (lambda c: [c.city_a.pk], only("coordinator_a")),
}

ELSEWHERE = {
    "activities:propose_exchange": "POST only; tested in activities/tests/test_matching_pages.py",
    "activities:issue_attendance_certificate": "POST only; tested in test_certificates.py",
    "activities:send_impact": "POST only; tested in activities/tests/test_impact.py",
}


def _unpublished(cast):
    from prevnet.activities.models import Activity

    return Activity.objects.create(
        type="exchange",
        title="Proposed exchange",
        starts_on=dt.date(2025, 11, 1),
        place=cast.city_b,
        published=False,
    )


# The JSON API (merged by prevnet/api/tests/test_access.py): (method, documented path, url of
# the cast, body or None, expected status per role). Read only; 401 asks to sign in.
API_OK, API_UNAUTH = 200, 401
API_ALL = dict.fromkeys(ROLES, API_OK)
API_SIGNED_IN = {**API_ALL, "anonymous": API_UNAUTH}

API_MATRIX = [
    ("get", "/api/activities/", lambda c: (_activity(c), "/api/activities/")[1], None, API_ALL),
    (
        "get",
        "/api/activities/{activity_id}",
        lambda c: f"/api/activities/{_activity(c).pk}",
        None,
        API_ALL,
    ),
    (
        "get",
        "/api/activities/{activity_id}",
        lambda c: f"/api/activities/{_unpublished(c).pk}",
        None,
        API_SIGNED_IN,
    ),
    (
        "get",
        "/api/activities/matching/{municipality_id}",
        lambda c: f"/api/activities/matching/{c.city_a.pk}",
        None,
        API_SIGNED_IN,
    ),
]
