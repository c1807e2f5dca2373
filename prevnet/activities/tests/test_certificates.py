"""Training to standard: a pass gives a certificate, a fail none; codes verify, forgeries don't."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from prevnet.activities import services
from prevnet.activities.models import (
    Assessment,
    Certificate,
    Question,
    Registration,
    TrainingModule,
)
from prevnet.activities.tests.factories import ActivityFactory, RegistrationFactory
from prevnet.network.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    module, _c = TrainingModule.objects.get_or_create(subject="evaluation")
    assessment = Assessment.objects.create(module=module, kind="quiz", pass_mark=60)
    for i in range(5):
        Question.objects.create(
            assessment=assessment,
            text_en=f"Q{i}",
            text_fr=f"Q{i} fr",
            choices="Yes | Oui\nNo | Non",
            correct=1,
            order=i,
        )
    return assessment


def _answers(assessment, right: int) -> dict[int, int]:
    questions = list(assessment.questions.all())
    return {q.pk: (1 if i < right else 2) for i, q in enumerate(questions)}


def test_failed_assessment_gives_no_certificate(quiz):
    person = PersonFactory()
    result, certificate = services.record_result(
        quiz, person, activity=None, answers=_answers(quiz, 2)
    )
    assert (result.score, result.passed, certificate) == (40, False, None)
    assert not Certificate.objects.exists()
    assert services.trained_people().count() == 0


def test_passing_at_the_mark_gives_a_certificate(quiz):
    person = PersonFactory()
    result, certificate = services.record_result(
        quiz, person, activity=None, answers=_answers(quiz, 3)
    )
    assert result.score == 60 and result.passed
    assert certificate.kind == "trained" and certificate.module == quiz.module
    assert list(services.trained_people(quiz.module)) == [person]


def test_rubric_points_are_capped_per_criterion():
    module, _c = TrainingModule.objects.get_or_create(subject="mobilization")
    assignment = Assessment.objects.create(
        module=module,
        kind="assignment",
        pass_mark=75,
        rubric=[{"criterion_en": "Plan", "points": 10}, {"criterion_en": "Partners", "points": 10}],
    )
    assert services.score_assignment(assignment, [50, 0]) == 50  # 50 counts as 10
    result, certificate = services.record_result(
        assignment, PersonFactory(), activity=None, points=[10, 4]
    )
    assert result.score == 70 and certificate is None


def test_codes_are_long_random_and_unique():
    person = PersonFactory()
    codes = {Certificate.objects.create(kind="attendance", person=person).code for _ in range(50)}
    assert len(codes) == 50
    assert all(len(c) == 19 and c.count("-") == 3 for c in codes)


def test_verification_page_confirms_a_real_code_and_rejects_a_forged_one(client):
    person = PersonFactory(first_name="Aïcha", last_name="Benali")
    real = Certificate.objects.create(kind="attendance", person=person, activity=ActivityFactory())
    page = client.get("/en/activities/certificates/verify/", {"code": real.code.lower()})
    assert "This certificate is genuine." in page.content.decode()
    assert "Aïcha Benali" in page.content.decode()
    forged = real.code[:-1] + ("A" if real.code[-1] != "A" else "B")
    page = client.get("/fr/activities/certificates/verify/", {"code": forged}).content.decode()
    assert "Aïcha" not in page and "genuine" not in page
    real.revoked = True
    real.save()
    page = client.get("/en/activities/certificates/verify/", {"code": real.code}).content.decode()
    assert "No valid certificate has this code." in page
    hostile = client.get("/en/activities/certificates/verify/", {"code": "<script>" * 20})
    assert hostile.status_code == 200 and "<script><script>" not in hostile.content.decode()


def test_certificate_pdf_is_bilingual_and_names_the_code(cast, quiz):
    result, certificate = services.record_result(
        quiz, cast.person_a, activity=None, answers=_answers(quiz, 5)
    )
    response = cast.client("participant").get(f"/en/activities/certificates/{certificate.code}/")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Certificate of training to standard" in text
    assert "Certificat de formation selon les normes" in text
    assert "Project development and evaluation" in text
    assert certificate.code in text
    assert (
        cast.client("coordinator_a")
        .get(f"/en/activities/certificates/{certificate.code}/")
        .status_code
        == 403
    )


def test_attendance_certificate_only_for_those_who_came(cast):
    came = RegistrationFactory(attended=True)
    absent = RegistrationFactory(attended=False, activity=came.activity)
    staff = cast.client("staff")
    url = "/en/activities/registrations/{}/certificate/"
    assert staff.get(url.format(came.pk)).status_code == 405
    assert cast.client("coordinator_a").post(url.format(came.pk)).status_code == 403
    response = staff.post(url.format(came.pk))
    certificate = Certificate.objects.get(person=came.person)
    assert response["Location"].endswith(f"/certificates/{certificate.code}/")
    staff.post(url.format(came.pk))
    assert Certificate.objects.filter(person=came.person).count() == 1  # issued once
    staff.post(url.format(absent.pk))
    assert not Certificate.objects.filter(person=absent.person).exists()


def test_participant_takes_the_quiz_of_their_session(cast, quiz):
    activity = ActivityFactory(type="training", module=quiz.module, online=True, place=None)
    url = f"/en/activities/{activity.pk}/assessment/"
    client = cast.client("participant")
    assert "Only people registered" in client.get(url).content.decode()
    Registration.objects.create(activity=activity, person=cast.person_a)
    form = {f"q{k}": str(v) for k, v in _answers(quiz, 1).items()}
    response = client.post(url, form, follow=True)
    assert "below the pass mark of 60%: no certificate" in response.content.decode()
    form = {f"q{k}": str(v) for k, v in _answers(quiz, 4).items()}
    client.post(url, form)
    assert Certificate.objects.filter(person=cast.person_a, kind="trained").count() == 1


def test_trainer_grades_an_assignment(cast):
    module, _c = TrainingModule.objects.get_or_create(subject="planning")
    Assessment.objects.create(
        module=module,
        kind="assignment",
        pass_mark=50,
        rubric=[{"criterion_en": "Plan", "points": 5}],
    )
    activity = ActivityFactory(type="training", module=module)
    reg = RegistrationFactory(activity=activity)
    url = f"/en/activities/{activity.pk}/assessment/{reg.pk}/"
    page = cast.client("staff").post(url, {"c0": "9"})
    assert "Ensure this value is less than or equal to 5." in page.content.decode()
    cast.client("staff").post(url, {"c0": "3"})
    assert Certificate.objects.get(person=reg.person).kind == "trained"


def test_the_person_finds_their_certificate_on_the_activity_page(cast):
    reg = RegistrationFactory(person=cast.person_a, attended=True)
    certificate = services.attendance_certificate(reg)
    url = reg.activity.get_absolute_url()
    link = f"/en/activities/certificates/{certificate.code}/"
    assert link in cast.client("participant").get(url).content.decode()
    assert link not in cast.client("coordinator_a").get(url).content.decode()
    assert link not in cast.client("anonymous").get(url).content.decode()
