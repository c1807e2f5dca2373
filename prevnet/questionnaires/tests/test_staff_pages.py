"""Staff pages: XLSForm upload, publishing, opening a campaign, importing answers, corrections."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from prevnet.questionnaires import builtin, services, xlsform
from prevnet.questionnaires.models import Campaign, Correction, QuestionnaireVersion, Submission
from prevnet.questionnaires.tests.factories import campaign_for, published

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _upload(content: bytes, name="form.xlsx"):
    return SimpleUploadedFile(name, content, content_type=XLSX)


def test_xlsform_upload_makes_a_draft_then_publish(cast):
    staff = cast.client("staff")
    page = staff.post(
        reverse("questionnaires:xlsform_import"),
        {"file": _upload(xlsform.write(builtin.outcome()))},
    )
    version = QuestionnaireVersion.objects.get()
    assert page.url == version.get_absolute_url() and not version.is_published
    publish = reverse("questionnaires:version_publish", args=[version.pk])
    assert cast.client("coordinator_a").post(publish).status_code == 403
    staff.post(publish)
    version.refresh_from_db()
    assert version.is_published


def test_xlsform_upload_lists_problems_and_saves_nothing(cast):
    page = cast.client("staff").post(
        reverse("questionnaires:xlsform_import"), {"file": _upload(b"<script>alert(1)</script>")}
    )
    assert page.status_code == 400 and b"not an .xlsx workbook" in page.content
    assert b"<script>alert" not in page.content
    assert not QuestionnaireVersion.objects.exists()


def test_open_a_campaign(cast):
    version = published()
    url = reverse("questionnaires:campaign_create")
    data = {
        "version": version.pk,
        "name": "Baseline 2026",
        "purpose": "baseline",
        "unit": "municipality",
        "opens_on": "2026-02-01",
        "closes_on": "2026-01-01",
        "municipalities": [cast.city_a.pk, cast.city_b.pk],
    }
    bad = cast.client("staff").post(url, data)
    assert bad.status_code == 200 and b"closes before it opens" in bad.content
    assert not Campaign.objects.exists()
    cast.client("staff").post(url, {**data, "closes_on": "2026-03-01"})
    campaign = Campaign.objects.get()
    assert campaign.invitations.count() == 2 and campaign.unit == "municipality"


def test_import_answers_page(cast):
    campaign = campaign_for(cast)
    url = reverse("questionnaires:campaign_import_answers", args=[campaign.pk])
    content = b"uses_ccss,programs,csd_code\nyes,2,3500002\nyes,x,\n"
    page = cast.client("staff").post(url, {"file": _upload(content, "kobo.csv")})
    assert b"1 answer(s) imported, 1 row(s) skipped." in page.content
    assert Submission.objects.get().invitation.municipality == cast.city_b


@pytest.fixture
def submission(cast):
    invitation = campaign_for(cast).invitations.get(municipality=cast.city_a)
    return services.record_answers(invitation, {"uses_ccss": "no"}, final=True)


def test_staff_correct_a_submission_with_history(cast, submission):
    url = reverse("questionnaires:submission_detail", args=[submission.pk])
    staff = cast.client("staff")
    refused = staff.post(url, {"uses_ccss": "yes", "programs": "x", "reason": "Call"})
    assert b"Enter a whole number" in refused.content and not Correction.objects.exists()
    staff.post(url, {"uses_ccss": "yes", "programs": "4", "reason": "Confirmed by phone"})
    submission.refresh_from_db()
    assert submission.answers == {"uses_ccss": "yes", "programs": 4}
    page = staff.get(url).content.decode()
    assert "Confirmed by phone" in page and "&#x27;uses_ccss&#x27;: &#x27;no&#x27;" in page


def test_results_page_queries_do_not_grow(cast, django_assert_max_num_queries):
    campaign = campaign_for(cast)
    for city in (cast.city_a, cast.city_b):
        services.record_answers(
            campaign.invitations.get(municipality=city), {"uses_ccss": "no"}, final=True
        )
    url = reverse("questionnaires:campaign_detail", args=[campaign.pk])
    client = cast.client("staff")
    with django_assert_max_num_queries(16):
        assert client.get(url).status_code == 200
