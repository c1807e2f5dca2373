"""After an activity, the activity-impact questionnaire of its programme year goes to attendees."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from prevnet.activities.models import Registration
from prevnet.activities.tests.factories import ActivityFactory, RegistrationFactory
from prevnet.questionnaires import services
from prevnet.questionnaires.models import Campaign, Invitation
from prevnet.questionnaires.versions import load_builtin

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(cast):
    load_builtin()
    activity = ActivityFactory(starts_on=dt.date(2025, 10, 1))  # programme year 1
    present = RegistrationFactory.create_batch(2, activity=activity, attended=True)
    absent = RegistrationFactory(activity=activity, attended=False)
    return activity, present, absent


def _send(cast, activity, who="staff"):
    return cast.client(who).post(reverse("activities:send_impact", args=[activity.pk]))


def test_attendees_are_invited_once_with_their_years_version(cast, workshop):
    activity, present, absent = workshop
    response = _send(cast, activity)
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == campaign.get_absolute_url()
    assert list(services.campaigns_about(activity)) == [campaign]
    assert campaign.version.questionnaire.slug == "activity-impact"
    assert campaign.version.version == "year1"
    invited = set(campaign.invitations.values_list("person_id", flat=True))
    assert invited == {r.person_id for r in present}
    assert len(mail.outbox) == 2

    _send(cast, activity)  # again: nobody invited or e-mailed twice
    assert Invitation.objects.count() == 2 and len(mail.outbox) == 2

    Registration.objects.filter(pk=absent.pk).update(attended=True)  # marked present later
    _send(cast, activity)
    assert Campaign.objects.count() == 1
    assert Invitation.objects.count() == 3 and len(mail.outbox) == 3


def test_a_year_two_activity_gets_the_year_two_questions(cast):
    load_builtin()
    activity = ActivityFactory(starts_on=dt.date(2026, 6, 1))
    RegistrationFactory(activity=activity, attended=True)
    _send(cast, activity)
    assert Campaign.objects.get().version.version == "year2"


def test_nobody_present_or_a_future_activity_sends_nothing(cast):
    load_builtin()
    empty = ActivityFactory(starts_on=dt.date(2025, 10, 1))
    RegistrationFactory(activity=empty, attended=False)
    response = cast.client("staff").post(
        reverse("activities:send_impact", args=[empty.pk]), follow=True
    )
    assert "take attendance first" in response.content.decode()
    future = ActivityFactory(starts_on=dt.date.today() + dt.timedelta(days=30))
    RegistrationFactory(activity=future, attended=True)
    _send(cast, future)
    assert not Campaign.objects.exists() and not mail.outbox


def test_only_staff_send_and_only_by_post(cast, workshop):
    activity, _present, _absent = workshop
    assert _send(cast, activity, "coordinator_a").status_code == 403
    assert _send(cast, activity, "anonymous").status_code == 302  # to the login page
    url = reverse("activities:send_impact", args=[activity.pk])
    assert cast.client("staff").get(url).status_code == 405
    assert not Campaign.objects.exists()


def test_the_activity_page_offers_the_button_to_staff_only(cast, workshop):
    activity, _present, _absent = workshop
    url = reverse("activities:activity_detail", args=[activity.pk])
    send_url = reverse("activities:send_impact", args=[activity.pk])
    assert send_url in cast.client("staff").get(url).content.decode()
    assert send_url not in cast.client("coordinator_a").get(url).content.decode()
