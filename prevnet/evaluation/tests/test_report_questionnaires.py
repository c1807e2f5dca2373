"""The yearly report's questionnaire sections, on hand-made campaigns and answers."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from prevnet.core import programme
from prevnet.evaluation import report_questionnaires as rq
from prevnet.evaluation.computations import NotAvailable
from prevnet.network.factories import PersonFactory
from prevnet.questionnaires import services
from prevnet.questionnaires.schema import Choice, Form, Node
from prevnet.questionnaires.tests.factories import YES_NO, published, small_form

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 25)  # programme year 2 when the programme starts on 2025-04-01


@pytest.fixture(autouse=True)
def _programme_from_2025(settings):
    settings.PREVNET_PROGRAMME_START = "2025-04-01"


def impact_form() -> Form:
    return Form(
        "activity-impact",
        "t2",
        {"en": "Impact", "fr": "Impact"},
        [
            Node(
                "strengthen_ccss",
                "select_one",
                {"en": "Strengthened the CCSS?", "fr": "A renforcé la SGSC?"},
                list_name="yes_no",
                required=True,
            ),
            Node("suggestions", "long_text", {"en": "Suggestions", "fr": "Suggestions"}),
        ],
        {"yes_no": YES_NO},
    )


def _answer(campaign, answers_list):
    for invitation, answers in zip(campaign.invitations.order_by("pk"), answers_list, strict=True):
        services.record_answers(
            invitation, answers, client_uuid=uuid.uuid4(), final=True, today=TODAY
        )


def _campaign(version, purpose, people):
    return services.open_campaign(
        version,
        purpose,
        opens_on=TODAY - dt.timedelta(days=1),
        closes_on=TODAY + dt.timedelta(days=30),
        people=people,
        unit="person",
    )


def test_outcome_section_counts_the_years_answers_in_both_languages():
    assert programme.year_of(TODAY) == 2
    version = published(small_form("outcome", "t1"))
    people = PersonFactory.create_batch(3)
    _answer(
        _campaign(version, "year2", people),
        [
            {"uses_ccss": "yes", "programs": 4},
            {"uses_ccss": "yes", "programs": 2},
            {"uses_ccss": "no"},
        ],
    )
    _campaign(version, "year1", PersonFactory.create_batch(1))  # another year: not counted
    rows = rq.outcome_questionnaire(2)["rows"]
    uses = [r for r in rows if r[0]["en"] == "Uses a CCSS?"]
    assert [(r[1]["en"], r[1]["fr"], r[2], r[3]) for r in uses] == [
        ("Yes", "Oui", 2, 66.7),
        ("No", "Non", 1, 33.3),
    ]
    (programs,) = [r for r in rows if r[0]["en"] == "How many programs?"]
    assert programs[1] == {"en": "mean 3.0, median 3.0", "fr": "moyenne 3.0, médiane 3.0"}
    assert programs[2] == 2


def test_impact_section_lists_suggestions_of_the_year_only():
    version = published(impact_form())
    people = PersonFactory.create_batch(2)
    _answer(
        _campaign(version, "activity", people),
        [
            {"strengthen_ccss": "yes", "suggestions": "More time for questions"},
            {"strengthen_ccss": "no", "suggestions": "<script>alert(1)</script>"},
        ],
    )
    rows = rq.impact_questionnaires(2)["rows"]
    suggestions = [r[1] for r in rows if r[0]["en"] == "Suggestions"]
    assert suggestions == ["More time for questions", "<script>alert(1)</script>"]
    with pytest.raises(NotAvailable):  # no activity-impact campaign opened in year 1
        rq.impact_questionnaires(1)


def test_no_campaign_says_not_available_rather_than_zero():
    with pytest.raises(NotAvailable):
        rq.outcome_questionnaire(2)
    assert Choice("x", {"en": "X"}).text == "X"


def test_the_sections_are_registered_and_cells_render_in_the_reports_language():
    from prevnet.evaluation import reports

    assert reports.SECTIONS["outcome_questionnaire"][1] is rq.outcome_questionnaire
    assert reports.SECTIONS["impact_questionnaires"][1] is rq.impact_questionnaires
    assert reports._cell({"en": "Yes", "fr": "Oui"}, "fr") == "Oui"
    assert reports._cell({"en": "Yes", "fr": ""}, "fr") == "Yes"
    assert reports._cell(3, "fr") == "3"
