"""The answering page: personal link, signed-in invitation, drafts, French, clear refusals."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from prevnet.questionnaires.models import Submission, SubmissionStatus
from prevnet.questionnaires.tests.factories import campaign_for, closed_campaign


@pytest.fixture
def invitation(cast):
    return campaign_for(cast, unit="person").invitations.get()


def _url(invitation, lang="en"):
    with translation.override(lang):
        return reverse("questionnaires:answer", args=[invitation.token])


def test_personal_link_draft_resume_submit(invitation):
    client, url = Client(), _url(invitation)
    page = client.get(url)
    assert (
        page.status_code == 200
        and b'data-relevant="${uses_ccss} = &#x27;yes&#x27;"' in page.content
    )
    client.post(url, {"action": "draft", "uses_ccss": "yes"})
    sub = Submission.objects.get()
    assert sub.status == SubmissionStatus.DRAFT and sub.answers == {"uses_ccss": "yes"}
    resumed = client.get(url).content.decode()
    assert 'value="yes" checked' in resumed and str(sub.client_uuid) in resumed
    client.post(
        url,
        {
            "action": "submit",
            "uses_ccss": "yes",
            "programs": "2",
            "client_uuid": str(sub.client_uuid),
        },
    )
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.SUBMITTED and sub.answers["programs"] == 2
    assert Submission.objects.count() == 1
    assert b"submitted" in client.get(url).content


def test_errors_are_shown_and_nothing_stored(invitation):
    page = Client().post(
        _url(invitation), {"action": "submit", "uses_ccss": "yes", "programs": "x"}
    )
    assert page.status_code == 400
    assert b"Enter a whole number" in page.content and b"error-summary" in page.content
    assert not Submission.objects.exists()


def test_french_page(invitation):
    page = Client().get(_url(invitation, "fr")).content.decode()
    assert "Utilise une SGSC?" in page and "Oui" in page


def test_closed_campaign_and_unknown_link(cast):
    invitation = closed_campaign(cast).invitations.get()
    page = Client().post(_url(invitation), {"action": "submit", "uses_ccss": "no"})
    assert page.status_code == 409 and not Submission.objects.exists()
    missing = Client().get(reverse("questionnaires:answer", args=["not-a-token"]))
    assert missing.status_code == 404


def test_signed_in_invited_user_answers(cast, invitation):
    url = reverse("questionnaires:answer_invitation", args=[invitation.pk])
    mine = cast.client("participant").get(reverse("questionnaires:mine")).content.decode()
    assert url in mine
    cast.client("participant").post(url, {"action": "submit", "uses_ccss": "no"})
    assert Submission.objects.get().submitted_by == cast.users["participant"]
    assert cast.client("coordinator_b").post(url, {"action": "submit"}).status_code == 403


def test_coordinator_answers_for_their_municipality(cast):
    invitation = campaign_for(cast).invitations.get(municipality=cast.city_a)
    url = reverse("questionnaires:answer_invitation", args=[invitation.pk])
    assert cast.client("coordinator_a").get(url).status_code == 200
    assert cast.client("coordinator_b").get(url).status_code == 403
