"""Who may see and do what in activities and peer matching: rules registered with core.access.

- Public: the published activity listing, calendar and .ics feed, without any personal data;
  the certificate verification page.
- Signed in: every activity (published or not), peer matches (no personal data in them).
- Personal data of attendees: staff all; a coordinator the people of the municipalities they
  coordinate; anyone their own registration (services.visible_registrations). Observers see
  counts only.
- Registering people: staff anyone; a coordinator the people of their municipalities.
- An exchange's report: staff, and the coordinators of the visiting municipality.
- A municipality's learning profile: staff and its coordinators.
"""

from __future__ import annotations

from prevnet.core import access
from prevnet.core.access import PUBLIC, coordinated_ids, is_staff, role_of


@access.rule(
    "activities.view_activity", "activities.verify_certificate", "activities.view_calendar"
)
def _anyone(user, obj) -> bool:
    return obj is None or is_staff(user) or obj.published or role_of(user) != PUBLIC


@access.scope("activities.view_activity", "activities.view_calendar")
def _published_to_public(user, qs):
    return qs if role_of(user) != PUBLIC else qs.filter(published=True)


@access.rule("activities.view_matches", "activities.self_register", "activities.take_assessment")
def _signed_in(user, obj) -> bool:
    return role_of(user) != PUBLIC


@access.rule("activities.register_people")
def _register(user, obj) -> bool:
    return is_staff(user) or bool(coordinated_ids(user))


@access.rule("activities.view_attendees")
def _attendees(user, obj) -> bool:
    """Lists with names: staff, coordinators (their own people only, see the scope)."""
    return is_staff(user) or bool(coordinated_ids(user))


@access.rule("activities.report_exchange")
def _report(user, obj) -> bool:
    if is_staff(user):
        return True
    return obj is not None and obj.visiting_id in coordinated_ids(user)


@access.rule("activities.change_learningprofile")
def _profile(user, obj) -> bool:
    if is_staff(user):
        return True
    return obj is not None and obj.pk in coordinated_ids(user)


@access.rule("activities.view_certificate")
def _certificate(user, obj) -> bool:
    if is_staff(user):
        return True
    return obj is not None and role_of(user) != PUBLIC and obj.person.user_id == user.pk


for _perm in (
    "activities.add_activity",
    "activities.change_activity",
    "activities.take_attendance",
    "activities.import_signin",
    "activities.grade_assessment",
    "activities.issue_certificate",
    "activities.merge_people",
    "activities.change_matchingweights",
    "activities.propose_exchange",
    "activities.send_impact_questionnaire",
):
    access.RULES[_perm] = access._staff_only
