"""Recording answers: the server decides, nothing half-written, resending never duplicates."""

import uuid

import pytest

from prevnet.questionnaires import services
from prevnet.questionnaires.models import (
    Choice,
    Correction,
    PublishedVersionError,
    Question,
    Submission,
    SubmissionStatus,
)
from prevnet.questionnaires.tests.factories import campaign_for, closed_campaign, published


@pytest.fixture
def invitation(cast):
    return campaign_for(cast).invitations.get(municipality=cast.city_a)


def test_submit_stores_clean_typed_answers(invitation):
    sub = services.record_answers(
        invitation,
        {"uses_ccss": "yes", "programs": "4", "partners": ["other"], "partners_other": " Library "},
        final=True,
    )
    assert sub.status == SubmissionStatus.SUBMITTED
    assert sub.answers == {
        "uses_ccss": "yes",
        "programs": 4,
        "partners": ["other"],
        "partners_other": "Library",
    }
    assert sub.municipality == invitation.municipality
    assert sub.version == invitation.campaign.version


def test_hidden_questions_lose_their_answers(invitation):
    sub = services.record_answers(
        invitation, {"uses_ccss": "no", "programs": "4", "partners_other": "x"}, final=True
    )
    assert sub.answers == {"uses_ccss": "no"}


@pytest.mark.parametrize(
    ("answers", "name", "message"),
    [
        ({"uses_ccss": "yes", "programs": "many"}, "programs", "whole number"),
        ({"uses_ccss": "yes", "programs": "250"}, "programs", "From 0 to 99"),
        ({"uses_ccss": "maybe"}, "uses_ccss", "one of the options"),
        ({"uses_ccss": "yes"}, "programs", "required"),
        ({"uses_ccss": "no", "partners": ["police", "<script>"]}, "partners", "among the options"),
        ({"uses_ccss": "no", "hack": "1"}, "hack", "no question"),
        ({"uses_ccss": "no", "comment": "x" * 10_001}, "comment", "at most"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_stored(invitation, answers, name, message):
    with pytest.raises(services.AnswerError) as caught:
        services.record_answers(invitation, answers, final=True)
    assert message in caught.value.errors[name]
    assert not Submission.objects.exists()


def test_a_draft_skips_required_but_not_types(invitation):
    sub = services.record_answers(invitation, {"uses_ccss": "yes"}, final=False)
    assert sub.status == SubmissionStatus.DRAFT
    with pytest.raises(services.AnswerError):
        services.record_answers(invitation, {"uses_ccss": "yes", "programs": "x"}, final=False)


def test_draft_resumes_then_submits_the_same_submission(invitation):
    draft = services.record_answers(invitation, {"uses_ccss": "yes"}, final=False)
    done = services.record_answers(
        invitation, {"uses_ccss": "yes", "programs": 2}, client_uuid=draft.client_uuid, final=True
    )
    assert done.pk == draft.pk and Submission.objects.count() == 1


def test_resending_the_same_uuid_never_duplicates(invitation):
    key = uuid.uuid4()
    first = services.record_answers(invitation, {"uses_ccss": "no"}, client_uuid=key, final=True)
    again = services.record_answers(invitation, {"uses_ccss": "no"}, client_uuid=key, final=True)
    assert first.pk == again.pk and Submission.objects.count() == 1


def test_a_second_answer_to_the_same_invitation_is_refused(invitation):
    services.record_answers(invitation, {"uses_ccss": "no"}, final=True)
    with pytest.raises(services.AnswerError, match="already been answered"):
        services.record_answers(invitation, {"uses_ccss": "yes", "programs": 1}, final=True)
    assert Submission.objects.get().answers == {"uses_ccss": "no"}


def test_a_closed_campaign_stores_nothing(cast):
    invitation = closed_campaign(cast).invitations.get()
    with pytest.raises(services.AnswerError, match="closed"):
        services.record_answers(invitation, {"uses_ccss": "no"}, final=True)
    assert not Submission.objects.exists()


def test_staff_corrections_keep_the_history(cast, invitation):
    sub = services.record_answers(invitation, {"uses_ccss": "no"}, final=True)
    staff = cast.users["staff"]
    services.correct_submission(
        sub, {"uses_ccss": "yes", "programs": 3}, user=staff, reason="Phoned the coordinator"
    )
    sub.refresh_from_db()
    assert sub.answers == {"uses_ccss": "yes", "programs": 3}
    correction = Correction.objects.get()
    assert correction.before == {"uses_ccss": "no"} and correction.corrected_by == staff
    with pytest.raises(services.AnswerError):
        services.correct_submission(sub, {"uses_ccss": "no"}, user=staff, reason=" ")


def test_published_versions_never_change(db):
    version = published()
    question = Question.objects.filter(version=version).first()
    question.label_en = "Changed"
    with pytest.raises(PublishedVersionError):
        question.save()
    with pytest.raises(PublishedVersionError):
        Choice.objects.filter(version=version).first().delete()
    version.title_en = "Changed"
    with pytest.raises(PublishedVersionError):
        version.save()
    draft = services.new_draft(version, "2")
    assert not draft.is_published
    assert services.form_of(draft).nodes == services.form_of(version).nodes
    assert services.latest_version("small") == version


def test_campaigns_about_a_subject(cast):
    version = published()
    import datetime

    campaign = services.open_campaign(
        version,
        "activity",
        opens_on=datetime.date(2026, 1, 1),
        closes_on=datetime.date(2026, 2, 1),
        people=[cast.person_a],
        subject=cast.city_a,
    )
    assert campaign.unit == "person" and campaign.subject == cast.city_a
    assert list(services.campaigns_about(cast.city_a)) == [campaign]
    services.invite(campaign, people=[cast.person_a])  # idempotent
    assert campaign.invitations.count() == 1
