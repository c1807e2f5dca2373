"""The municipal profile: sections, a repeated section, ratings, dates, a section's relevance."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prevnet.questionnaires import builtin, schema, services
from prevnet.questionnaires.models import Submission

BASE = {"in_strategic_plan": "yes", "has_strategy": "no", "has_governance_body": "no"}


@pytest.fixture
def invitation(cast):
    services.load_builtin()
    today = timezone.localdate()
    campaign = services.open_campaign(
        services.latest_version(builtin.PROFILE),
        "baseline",
        opens_on=today,
        closes_on=today,
        municipalities=[cast.city_a],
    )
    return campaign.invitations.get()


def test_repeated_section_keeps_each_entry(invitation):
    answers = {
        **BASE,
        "programs": [
            {"program_name": "Youth at risk", "program_focus": "youth", "program_evaluated": "yes"},
            {"program_name": "Safer parks", "program_focus": "environment"},
            {},  # the blank entry the page always offers is dropped
        ],
    }
    sub = services.record_answers(invitation, answers, final=True)
    assert [p["program_name"] for p in sub.answers["programs"]] == ["Youth at risk", "Safer parks"]


def test_errors_inside_a_repeated_section_name_the_entry(invitation):
    answers = {**BASE, "programs": [{"program_name": "A"}, {"program_focus": "youth"}]}
    with pytest.raises(services.AnswerError) as caught:
        services.record_answers(invitation, answers, final=True)
    assert caught.value.errors == {"programs.2.program_name": "This question is required."}


@pytest.mark.parametrize(
    ("answers", "name", "message"),
    [
        ({"capacity_training": 6}, "capacity_training", "from 1 to 5"),
        ({"capacity_training": 2.5}, "capacity_training", "whole number"),
        (
            {"has_strategy": "yes", "strategy_adopted_on": "2026-02-30"},
            "strategy_adopted_on",
            "YYYY-MM-DD",
        ),
        (
            {"responsibility_centre": "yes", "dedicated_staff": "-1"},
            "dedicated_staff",
            "zero or more",
        ),
        ({"programs": "not a list"}, "programs", "list of answers"),
        ({"population": True}, "population", "whole number"),
    ],
)
def test_profile_types_and_constraints(invitation, answers, name, message):
    with pytest.raises(services.AnswerError) as caught:
        services.record_answers(invitation, {**BASE, **answers}, final=True)
    assert message in caught.value.errors[name]
    assert not Submission.objects.exists()


def test_comma_decimals_and_dates_are_read(invitation):
    sub = services.record_answers(
        invitation,
        {
            **BASE,
            "has_strategy": "yes",
            "strategy_adopted_on": "2019-05-01",
            "responsibility_centre": "yes",
            "dedicated_staff": "2,5",
        },
        final=True,
    )
    assert sub.answers["dedicated_staff"] == 2.5
    assert sub.answers["strategy_adopted_on"] == "2019-05-01"


def test_a_hidden_section_hides_its_questions(db):
    form = schema.Form(
        "f",
        "1",
        {"en": "F"},
        [
            schema.Node("show", "integer", {"en": "Show?"}),
            schema.Node(
                "sec",
                "group",
                {"en": "Section"},
                relevance="${show} = 1",
                children=[
                    schema.Node("inner", "text", {"en": "Inner"}, required=True),
                ],
            ),
        ],
        {},
    )
    clean, errors = schema.read_answers(form, {"show": 0, "inner": "kept?"}, final=True)
    assert clean == {"show": 0} and errors == {}
    clean, errors = schema.read_answers(form, {"show": 1}, final=True)
    assert errors == {"inner": "This question is required."}


def test_the_page_adds_an_entry_to_a_repeated_section(invitation):
    url = reverse("questionnaires:answer", args=[invitation.token])
    client = Client()
    assert b'name="programs.count" value="1"' in client.get(url).content
    client.post(
        url,
        {
            **BASE,
            "programs.count": "1",
            "programs.1.program_name": "Youth",
            "action": "add:programs",
        },
    )
    page = client.get(url).content.decode()
    assert 'name="programs.count" value="2"' in page and 'value="Youth"' in page
    assert Submission.objects.get().answers["programs"] == [{"program_name": "Youth"}]
