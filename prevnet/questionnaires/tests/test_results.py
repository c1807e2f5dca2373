"""Summaries, response rates, comparisons, exports and e-mail invitations."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse

from prevnet.questionnaires import results, services
from prevnet.questionnaires.tests.factories import campaign_for


@pytest.fixture
def answered(cast):
    campaign = campaign_for(cast)
    services.record_answers(
        campaign.invitations.get(municipality=cast.city_a),
        {
            "uses_ccss": "yes",
            "programs": 3,
            "partners": ["police", "other"],
            "partners_other": "=HYPERLINK(1)",
            "comment": "Good",
        },
        final=True,
    )
    services.record_answers(
        campaign.invitations.get(municipality=cast.city_b), {"uses_ccss": "no"}, final=False
    )
    return campaign


def test_response_rate_and_non_respondents(cast, answered):
    rate = results.response_rate(answered)
    assert (rate.invited, rate.answered, rate.drafts, rate.percent) == (2, 1, 1, 50.0)
    assert [inv.municipality for inv in rate.non_respondents] == [cast.city_b]


def test_summaries_count_only_submitted_answers(answered):
    by_name = {s.node.name: s for s in results.summarize(answered)}
    assert by_name["uses_ccss"].rows[0] == ("yes", "Yes", 1, 100.0)
    assert by_name["programs"].numbers == {"mean": 3, "median": 3, "min": 3, "max": 3}
    assert by_name["comment"].texts == ["Good"]
    assert "<svg" in by_name["uses_ccss"].chart


def test_one_question_as_plain_data(answered):
    data = results.summary_of(answered, "partners").as_dict()
    assert data["answered"] == 1 and data["label"]["fr"] == "Partenaires"
    assert data["choices"][0] == {"code": "police", "label": "Police", "count": 1, "percent": 100.0}
    assert results.summary_of(answered, "no_such_question") is None


def test_filters_by_province(cast, answered):
    other = cast.city_a.province.__class__.objects.exclude(pk=cast.city_a.province_id).first()
    assert results.response_rate(answered, province=other).invited == 0
    assert results.summarize(answered, province=cast.city_a.province)[0].answered == 1
    region = cast.city_a.province.region
    assert results.response_rate(answered, region=region).invited == 2
    elsewhere = region.__class__.objects.exclude(pk=region.pk).first()
    assert results.summarize(answered, region=elsewhere)[0].answered == 0


def test_export_splits_select_multiple_and_stamps_the_version(cast, answered):
    response = cast.client("staff").get(
        reverse("questionnaires:campaign_export", args=[answered.pk]) + "?format=csv"
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:5] == [
        "__version__",
        "__campaign__",
        "__submitted_at__",
        "__municipality__",
        "__status__",
    ]
    assert "partners/police" in header and "partners/other" in header
    assert row["partners/police"] == "1" and row["__version__"] == "1"
    assert row["partners_other"] == "'=HYPERLINK(1)"  # no formula in a spreadsheet
    assert len(rows) == 2  # the draft is not exported
    labels = cast.client("staff").get(
        reverse("questionnaires:campaign_export", args=[answered.pk])
        + "?format=xlsx&headers=labels"
    )
    assert labels.status_code == 200 and labels["Content-Type"].endswith("sheet")


def test_results_page_has_chart_and_table(cast, answered):
    page = cast.client("staff").get(reverse("questionnaires:campaign_detail", args=[answered.pk]))
    html = page.content.decode()
    assert "<svg" in html and "<table" in html and "Betaburg" in html


def test_compare_two_campaigns(cast, answered):
    year1 = campaign_for(cast, version=answered.version)
    url = reverse("questionnaires:campaign_compare") + f"?a={answered.pk}&b={year1.pk}"
    page = cast.client("staff").get(url)
    assert page.status_code == 200 and page.content.decode().count("side-by-side") == 5


def test_invitations_and_reminders_by_email(cast, settings):
    cast.person_a.email = "lea@example.org"
    cast.person_a.language = "fr"
    cast.person_a.save()
    campaign = campaign_for(cast, unit="person")
    url = reverse("questionnaires:campaign_send", args=[campaign.pk])
    assert cast.client("participant").post(url).status_code == 403
    cast.client("staff").post(url, {"what": "invite"})
    assert len(mail.outbox) == 1
    token = campaign.invitations.get().token
    assert token in mail.outbox[0].body and "Bonjour" in mail.outbox[0].body
    cast.client("staff").post(url, {"what": "invite"})
    assert len(mail.outbox) == 1  # never twice
    cast.client("staff").post(url, {"what": "remind"})
    assert len(mail.outbox) == 2 and campaign.invitations.get().reminded_at


def test_municipal_invitations_go_to_the_coordinators(cast):
    coordinator = cast.users["coordinator_a"]
    coordinator.email, coordinator.language = "coord@example.org", "en"
    coordinator.save()
    cast.users["coordinator_b"].email = ""
    cast.users["coordinator_b"].save()
    campaign = campaign_for(cast)
    url = reverse("questionnaires:campaign_send", args=[campaign.pk])
    page = cast.client("staff").post(url, {"what": "invite"}, follow=True)
    assert [m.to for m in mail.outbox] == [["coord@example.org"]]
    assert "1 e-mail(s) queued; 1 invitation(s) with nobody to e-mail." in page.content.decode()
    assert campaign.invitations.get(municipality=cast.city_a).token in mail.outbox[0].body


def test_questionnaire_export_lines_up_every_version(cast, answered):
    from prevnet.questionnaires.schema import Node
    from prevnet.questionnaires.tests.factories import published, small_form

    form = small_form(version="2")
    form.nodes.append(Node("budget", "decimal", {"en": "Budget", "fr": "Budget"}))
    v2 = campaign_for(cast, version=published(form))
    services.record_answers(
        v2.invitations.get(municipality=cast.city_b),
        {"uses_ccss": "no", "budget": "10.5"},
        final=True,
    )
    url = reverse("questionnaires:questionnaire_export", args=["small"]) + "?format=csv"
    response = cast.client("staff").get(url)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    rows = [dict(zip(table[0], row, strict=True)) for row in table[1:]]
    assert [(r["__version__"], r["programs"], r["budget"]) for r in rows] == [
        ("1", "3", ""),
        ("2", "", "10.5"),
    ]
