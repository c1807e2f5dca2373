"""Who sees attendees' personal data: staff all; a coordinator their own people; no one else."""

from __future__ import annotations

import pytest

from prevnet.activities.tests.factories import ActivityFactory, RegistrationFactory
from prevnet.network.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(cast):
    activity = ActivityFactory(place=cast.city_a)
    RegistrationFactory(
        activity=activity, person=PersonFactory(first_name="Ownperson", municipality=cast.city_a)
    )
    RegistrationFactory(
        activity=activity, person=PersonFactory(first_name="Otherperson", municipality=cast.city_b)
    )
    RegistrationFactory(activity=activity, person=cast.person_a)
    return activity


def _page(cast, who, activity):
    return cast.client(who).get(f"/en/activities/{activity.pk}/").content.decode()


def test_coordinator_sees_only_their_own_peoples_names(cast, workshop):
    page = _page(cast, "coordinator_a", workshop)
    assert "Ownperson" in page and "Otherperson" not in page
    page = _page(cast, "coordinator_b", workshop)
    assert "Otherperson" in page and "Ownperson" not in page


def test_staff_see_everyone(cast, workshop):
    page = _page(cast, "staff", workshop)
    assert "Ownperson" in page and "Otherperson" in page
    assert "3 registered, 3 attended." in page


def test_observer_sees_counts_without_names_and_small_counts_hidden(cast, workshop):
    page = _page(cast, "observer", workshop)
    assert "Ownperson" not in page and "Otherperson" not in page
    assert "fewer than 5 registered" in page


def test_participant_sees_only_themself(cast, workshop):
    page = _page(cast, "participant", workshop)
    assert str(cast.person_a) in page
    assert "Ownperson" not in page and "Otherperson" not in page


def test_public_sees_published_listing_without_people(cast, workshop):
    hidden = ActivityFactory(title="Internal planning day", published=False)
    page = _page(cast, "anonymous", workshop)
    assert "Ownperson" not in page and "registered" not in page
    listing = cast.client("anonymous").get("/en/activities/").content.decode()
    assert workshop.title in listing and "Internal planning day" not in listing
    assert cast.client("anonymous").get(f"/en/activities/{hidden.pk}/").status_code == 302
    feed = cast.client("anonymous").get("/en/activities/feed.ics").content.decode()
    assert "Internal planning day" not in feed and "Ownperson" not in feed


def test_coordinator_registers_only_their_own_people(cast, workshop):
    own = PersonFactory(municipality=cast.city_a)
    other = PersonFactory(municipality=cast.city_b)
    url = f"/en/activities/{workshop.pk}/register/"
    client = cast.client("coordinator_a")
    assert client.post(url, {"person": other.pk}).status_code == 200  # refused by the form
    assert not workshop.registrations.filter(person=other).exists()
    assert client.post(url, {"person": own.pk}).status_code == 302
    assert workshop.registrations.filter(person=own).exists()


def test_exchange_report_only_by_visiting_coordinator_or_staff(cast):
    from prevnet.activities.models import Exchange

    act = ActivityFactory(type="exchange", place=cast.city_b)
    Exchange.objects.create(activity=act, visiting=cast.city_a, host=cast.city_b)
    url = f"/en/activities/{act.pk}/report/"
    assert cast.client("coordinator_b").get(url).status_code == 403
    assert cast.client("coordinator_a").get(url).status_code == 200
