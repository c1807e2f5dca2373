"""Activities in a real browser: register someone, take attendance on a phone, write an exchange
report; axe-core checks every page on the way, in English and in French."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from prevnet.activities.models import Activity, Certificate, Exchange, Registration

pytestmark = pytest.mark.e2e


@pytest.fixture
def activities(live_cast):
    workshop = Activity.objects.create(
        type="workshop",
        title="Regional workshop",
        starts_on=dt.date.today(),
        place=live_cast.city_a,
        language="bilingual",
    )
    visit = Activity.objects.create(
        type="exchange",
        title="Alphaville visits Betaburg",
        starts_on=dt.date.today(),
        place=live_cast.city_b,
    )
    exchange = Exchange.objects.create(
        activity=visit, visiting=live_cast.city_a, host=live_cast.city_b, status="visit_done"
    )
    Certificate.objects.create(kind="attendance", person=live_cast.person_a, activity=workshop)
    return workshop, exchange


def test_register_attend_and_report(page, axe, login, live_cast, activities):
    workshop, exchange = activities
    person = live_cast.person_a
    login(page, "staff")

    page.goto("/en/activities/")
    axe(page, "activity list (en)", collect=True)
    page.locator("main table").get_by_role("link", name="Regional workshop").click()
    expect(page.locator("h1")).to_have_text("Regional workshop")
    axe(page, "activity detail (en)", collect=True)

    # Register a person.
    page.get_by_role("link", name="Register people").click()
    axe(page, "register (en)", collect=True)
    page.get_by_label("Person").select_option(str(person.pk))
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main [role=status]")).to_contain_text("is registered")
    assert Registration.objects.filter(activity=workshop, person=person).exists()

    # Take attendance on a phone-sized screen.
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"/en/activities/{workshop.pk}/attendance/")
    axe(page, "attendance on a phone (en)", collect=True)
    page.get_by_label(re.compile(str(person))).check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator("main [role=status]")).to_contain_text("Attendance saved")
    assert Registration.objects.get(activity=workshop, person=person).attended
    page.set_viewport_size({"width": 1280, "height": 900})

    # The visiting municipality's coordinator writes the exchange report.
    page.context.clear_cookies()
    login(page, "coordinator_a")
    page.goto(exchange.activity.get_absolute_url())
    page.get_by_role("link", name="Write the report").click()
    axe(page, "exchange report form (en)", collect=True)
    page.get_by_label("What was learned").fill("A safety table meets every month.")
    page.get_by_label("What will be applied").fill("Our own table, with the schools.")
    page.locator("#id_actions-0-action").fill("Invite the school board")
    page.locator("#id_actions-0-owner").fill("Coordinator")
    page.locator("#id_actions-0-due_on").fill("2026-12-01")
    page.get_by_role("button", name="Save the report").click()
    expect(page.locator("main [role=status]")).to_contain_text("Report saved.")
    expect(page.locator("main")).to_contain_text("A safety table meets every month.")
    axe(page, "exchange with its report (en)", collect=True)
    exchange.refresh_from_db()
    assert exchange.status == "reported"
    assert exchange.actions.get().owner == "Coordinator"
    axe.assert_clean()


def test_pages_are_accessible_in_french(page, axe, login, live_cast, activities):
    workshop, exchange = activities
    code = Certificate.objects.get().code
    page.goto(f"/fr/activities/certificates/verify/?code={code}")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    axe(page, "verify a certificate (fr, public)", collect=True)
    login(page, "staff", language="fr")
    for path, label in [
        ("/fr/activities/", "liste"),
        ("/fr/activities/calendar/", "calendrier"),
        (f"/fr/activities/{workshop.pk}/", "détail"),
        (f"/fr/activities/{workshop.pk}/attendance/", "présences"),
        (f"/fr/activities/{workshop.pk}/sign-in-sheet/", "feuille de présence"),
        (f"/fr/activities/{exchange.activity_id}/exchange/", "échange"),
        (f"/fr/activities/{exchange.activity_id}/report/", "rapport"),
        ("/fr/activities/new/", "nouvelle activité"),
        (f"/fr/activities/matching/{live_cast.city_a.pk}/", "jumelage"),
        ("/fr/activities/matching/", "jumelage, choix"),
        ("/fr/activities/people/duplicates/", "doublons"),
        ("/fr/activities/matching/weights/", "poids"),
    ]:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        axe(page, f"{label} (fr)", collect=True)
    axe.assert_clean()
