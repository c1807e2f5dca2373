"""A participant answers the activity-impact questionnaire in French, by their personal link.

A question hides and shows again as the answer it depends on changes (the static evaluator,
under the page's CSP), a draft is saved, the participant comes back and submits; axe-core
checks the page at each step.
"""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from prevnet.questionnaires import builtin, demo, services
from prevnet.questionnaires.models import Submission, SubmissionStatus

pytestmark = pytest.mark.e2e


def _rate(page, name: str, value: int) -> None:
    page.locator(f'input[name="{name}"][value="{value}"]').check()


def test_participant_answers_activity_impact_in_french(page, axe, live_cast):
    services.load_builtin()
    today = timezone.localdate()
    campaign = services.open_campaign(
        services.latest_version(builtin.ACTIVITY_IMPACT),
        "activity",
        opens_on=today,
        closes_on=today + timedelta(days=14),
        people=[live_cast.person_a],
    )
    invitation = campaign.invitations.get()
    url = f"/fr/questionnaires/answer/{invitation.token}/"

    page.goto(url)
    expect(page.locator("h1")).to_have_text("Questionnaire sur l'impact de l'activité")
    axe(page, "answering page, French")
    who = page.locator("#q-sensitized_who-wrap")
    expect(who).to_be_hidden()
    _rate(page, "sensitized", 4)
    expect(who).to_be_visible()
    _rate(page, "sensitized", 1)
    expect(who).to_be_hidden()
    _rate(page, "sensitized", 5)
    expect(who).to_be_visible()
    page.locator('input[name="sensitized_who"][value="police"]').check()

    page.get_by_label("Intervenant").check()
    _rate(page, "strengthen_ccss", 4)
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.locator(".messages")).to_contain_text("Brouillon enregistré")
    draft = Submission.objects.get()
    assert draft.status == SubmissionStatus.DRAFT
    assert draft.answers["sensitized_who"] == ["police"]

    page.goto("/fr/")
    page.goto(url)  # the participant comes back with the same link
    expect(page.locator('input[name="strengthen_ccss"][value="4"]')).to_be_checked()
    expect(who).to_be_visible()
    _rate(page, "more_programs", 3)
    page.get_by_role("button", name="Soumettre").click()
    # Required questions still unanswered: the server lists them, in French, nothing submitted.
    expect(page.locator(".error-summary")).to_contain_text("Cette question est obligatoire")
    axe(page, "answering page with errors, French")
    assert Submission.objects.get().status == SubmissionStatus.DRAFT
    page.locator('input[name="attended_before"][value="no"]').check()
    expect(page.locator("#q-changes_worked-wrap")).to_be_hidden()
    _rate(page, "sustained_after_programme", 5)
    page.get_by_role("button", name="Soumettre").click()
    expect(page.locator("main")).to_contain_text("Vos réponses ont été soumises")
    axe(page, "answered, French")
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.answers["sensitized"] == 5 and "changes_worked" not in submission.answers


def test_live_show_hide_works_under_the_real_csp(strict_page, console_log, live_cast):
    services.load_builtin()
    today = timezone.localdate()
    campaign = services.open_campaign(
        services.latest_version(builtin.ACTIVITY_IMPACT),
        "activity",
        opens_on=today,
        closes_on=today,
        people=[live_cast.person_a],
    )
    strict_page.goto(f"/en/questionnaires/answer/{campaign.invitations.get().token}/")
    who = strict_page.locator("#q-sensitized_who-wrap")
    expect(who).to_be_hidden()
    _rate(strict_page, "sensitized", 3)
    expect(who).to_be_visible()
    assert console_log.csp_violations() == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_staff_pages_are_accessible(page, axe, live_cast, login, language):
    services.load_builtin()
    version = services.latest_version(builtin.OUTCOME)
    today = timezone.localdate()
    baseline, year1 = (
        services.open_campaign(
            version,
            purpose,
            opens_on=today,
            closes_on=today,
            municipalities=[live_cast.city_a, live_cast.city_b],
        )
        for purpose in ("baseline", "year1")
    )
    form = services.form_of(version)
    rng = random.Random(2)
    for campaign in (baseline, year1):
        for invitation in campaign.invitations.all():
            services.record_answers(invitation, demo.fictitious_answers(form, rng), final=True)
    login(page, "staff", language=language)
    pages = {
        "index": f"/{language}/questionnaires/",
        "campaign": f"/{language}/questionnaires/campaigns/{baseline.pk}/",
        "compare": f"/{language}/questionnaires/campaigns/compare/?a={baseline.pk}&b={year1.pk}",
        "version": f"/{language}/questionnaires/versions/{version.pk}/",
        "new campaign": f"/{language}/questionnaires/campaigns/new/",
        "import": f"/{language}/questionnaires/import/",
        "submission": f"/{language}/questionnaires/submissions/{baseline.submissions.first().pk}/",
    }
    for label, url in pages.items():
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
        axe(page, f"{label} ({language})", collect=True)
    expect(page.locator("h1")).not_to_be_empty()
    page.goto(pages["campaign"])
    expect(page.locator("svg.chart").first).to_be_visible()
    axe.assert_clean()
