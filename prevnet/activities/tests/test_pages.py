"""Activity pages end to end without a browser: create, register, attend, report, export."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from prevnet.activities import services
from prevnet.activities.models import Activity, Exchange, Registration
from prevnet.activities.tests.factories import ActivityFactory, RegistrationFactory
from prevnet.network.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_staff_create_an_activity_with_its_programme_year(cast, settings):
    settings.PREVNET_PROGRAMME_START = "2025-04-01"
    client = cast.client("staff")
    data = {
        "type": "workshop",
        "title": "Atelier régional",
        "starts_on": "2026-05-02",
        "place": cast.city_a.pk,
        "language": "fr",
        "published": "on",
    }
    assert client.post("/en/activities/new/", data).status_code == 302
    activity = Activity.objects.get(title="Atelier régional")
    assert activity.programme_year == 2
    assert activity.history.first().history_user == cast.users["staff"]


def test_bad_activity_says_what_and_where(cast):
    data = {"type": "training", "title": "T", "starts_on": "2026-05-02", "ends_on": "2026-05-01"}
    page = cast.client("staff").post("/en/activities/new/", data).content.decode()
    assert "The end comes before the start." in page
    assert "Choose the municipality where it takes place, or tick online." in page
    assert "A specialised training session needs its module." in page
    assert not Activity.objects.exists()


def test_filters_and_exports(cast):
    ActivityFactory(title="Workshop Y1", starts_on=dt.date(2025, 6, 1))
    ActivityFactory(title="=cmd|' /C calc'!A0", starts_on=dt.date(2026, 6, 1), type="coaching")
    client = cast.client("anonymous")
    page = client.get("/en/activities/", {"year": "1"}).content.decode()
    assert "Workshop Y1" in page and "calc" not in page
    page = client.get("/en/activities/", {"type": "coaching"}).content.decode()
    assert "calc" in page and "Workshop Y1" not in page
    csv_text = b"".join(client.get("/fr/activities/", {"format": "csv"}).streaming_content)
    assert b"Titre" in csv_text or b"Title" in csv_text
    assert b"'=cmd" in csv_text  # a formula stays text
    xlsx = client.get("/en/activities/", {"format": "xlsx"}).content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert [c.value for c in sheet[1]][:2] == ["Title", "Type"]


def test_calendar_and_ics_feed(cast):
    ActivityFactory(
        title="Two-day workshop", starts_on=dt.date(2025, 10, 30), ends_on=dt.date(2025, 11, 1)
    )
    page = cast.client("anonymous").get("/en/activities/calendar/", {"month": "2025-11"})
    assert page.content.decode().count("Two-day workshop") == 1  # 1 November only
    page = cast.client("anonymous").get("/en/activities/calendar/", {"month": "2025-10"})
    assert page.content.decode().count("Two-day workshop") == 2
    assert (
        cast.client("anonymous").get("/en/activities/calendar/", {"month": "x"}).status_code == 200
    )
    feed = cast.client("anonymous").get("/en/activities/feed.ics")
    event = Calendar.from_ical(feed.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Two-day workshop"
    assert event["dtend"].dt == dt.date(2025, 11, 2)  # exclusive end


def test_register_self_register_and_attendance(cast):
    activity = ActivityFactory()
    person = PersonFactory()
    staff = cast.client("staff")
    staff.post(f"/en/activities/{activity.pk}/register/", {"person": person.pk})
    staff.post(f"/en/activities/{activity.pk}/register/", {"person": person.pk})
    assert Registration.objects.filter(activity=activity).count() == 1
    join = f"/en/activities/{activity.pk}/join/{activity.registration_token}/"
    assert cast.client("participant").post(join).status_code == 302
    assert (
        cast.client("participant").get(f"/en/activities/{activity.pk}/join/forged/").status_code
        == 404
    )
    assert "not linked to a person" in cast.client("observer").get(join).content.decode()
    regs = {r.person_id: r for r in Registration.objects.filter(activity=activity)}
    mine = regs[cast.person_a.pk]
    staff.post(f"/en/activities/{activity.pk}/attendance/", {"attended": [str(mine.pk), "x"]})
    mine.refresh_from_db()
    assert mine.attended and not regs[person.pk].attended
    assert list(services.impact_questionnaire_recipients(activity)) == [cast.person_a]


def test_attendance_page_query_count_does_not_grow(cast, django_assert_max_num_queries):
    activity = ActivityFactory()
    for _i in range(30):
        RegistrationFactory(activity=activity)
    client = cast.client("staff")
    with django_assert_max_num_queries(8):
        client.get(f"/en/activities/{activity.pk}/attendance/")


def test_exchange_edit_and_report_with_follow_up_actions(cast):
    activity = ActivityFactory(type="exchange", place=cast.city_b)
    staff = cast.client("staff")
    data = {
        "visiting": cast.city_a.pk,
        "host": cast.city_b.pk,
        "status": "approved",
        "learning_goals": "How the host runs its youth table",
        "delegation-TOTAL_FORMS": "1",
        "delegation-INITIAL_FORMS": "0",
        "delegation-0-person": cast.person_a.pk,
        "delegation-0-role": "councillor",
    }
    assert staff.post(f"/en/activities/{activity.pk}/exchange/", data).status_code == 302
    exchange = Exchange.objects.get(activity=activity)
    assert exchange.delegation.get().role == "councillor"
    report = {
        "learned": "Partners meet monthly.",
        "to_apply": "A monthly table.",
        "actions-TOTAL_FORMS": "2",
        "actions-INITIAL_FORMS": "0",
        "actions-0-action": "Invite the school board",
        "actions-0-owner": "Coordinator",
        "actions-0-due_on": "2026-01-15",
        "actions-1-action": "",
    }
    client = cast.client("coordinator_a")
    assert client.post(f"/en/activities/{activity.pk}/report/", report).status_code == 302
    exchange.refresh_from_db()
    assert exchange.status == "reported" and exchange.actions.get().owner == "Coordinator"
    page = cast.client("anonymous").get(activity.get_absolute_url()).content.decode()
    assert "Partners meet monthly." in page


def test_same_host_and_visitor_is_refused(cast):
    activity = ActivityFactory(type="exchange")
    data = {
        "visiting": cast.city_a.pk,
        "host": cast.city_a.pk,
        "status": "proposed",
        "delegation-TOTAL_FORMS": "0",
        "delegation-INITIAL_FORMS": "0",
    }
    page = cast.client("staff").post(f"/en/activities/{activity.pk}/exchange/", data)
    assert "A municipality cannot host its own visit." in page.content.decode()


def test_admin_pages_for_assessments_open(cast):
    client = cast.client("staff")
    for path in ("assessment/add/", "activity/", "certificate/", "personmerge/"):
        assert client.get(f"/en/admin/activities/{path}").status_code == 200, path


def test_demo_loader_is_idempotent(db):
    from prevnet.activities import demo
    from prevnet.activities.models import Certificate, Exchange
    from prevnet.network.demo import load_demo

    load_demo()
    first = demo.load()
    codes = list(Certificate.objects.values_list("code", flat=True))
    assert demo.load() == first
    assert list(Certificate.objects.values_list("code", flat=True)) == codes
    assert Exchange.objects.get().status == "reported"
    assert services.programme_counts()["sensitized"] == 5


def test_hostile_text_is_shown_as_text(cast):
    hostile = '<script>alert("x")</script>'
    activity = ActivityFactory(title=hostile, organizers=hostile)
    page = cast.client("anonymous").get(activity.get_absolute_url()).content.decode()
    assert hostile not in page and "&lt;script&gt;" in page
    feed = cast.client("anonymous").get("/en/activities/feed.ics").content.decode()
    assert 'SUMMARY:<script>alert("x")</script>' in feed  # plain text in a calendar file
    response = cast.client("staff").post(
        "/en/activities/new/", {"type": "nonsense", "title": "x" * 500, "starts_on": "tomorrow"}
    )
    assert response.status_code == 200 and not Activity.objects.filter(title="x" * 500).exists()
    page = response.content.decode()
    assert "Select a valid choice." in page and "Enter a valid date." in page
