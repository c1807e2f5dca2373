"""Staff edit in the admin: changes are kept in the history, ratings drive the strength."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from prevnet.knowledge.models import Program
from prevnet.knowledge.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def _form(program, **changes):
    data = {
        "slug": program.slug, "name_en": program.name_en, "name_fr": program.name_fr,
        "summary_en": "New summary", "summary_fr": "Nouveau résumé", "status": "published",
        "settings": ["school"], "cost_currency": "", "_save": "Save",
    }  # fmt: skip
    for prefix in ("ratings", "studies", "economics", "canadian_examples"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(changes)
    return data


def test_staff_edit_is_kept_in_history_and_rating_sets_strength(cast):
    program = ProgramFactory(slug="edited")
    url = reverse("admin:knowledge_program_change", args=[program.pk])
    data = _form(
        program,
        **{
            "ratings-TOTAL_FORMS": "1",
            "ratings-0-source": "crimesolutions",
            "ratings-0-level": "promising_single",
            "ratings-0-url": "https://crimesolutions.ojp.gov/x",
        },
    )
    response = cast.client("staff").post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    program.refresh_from_db()
    assert program.summary_en == "New summary"
    assert program.settings == ["school"]
    assert program.strength == "promising"
    assert "new summary" in program.search_en
    last = program.history.first()
    assert last.history_user.username == "staff"


def test_a_level_from_another_source_is_refused(cast):
    program = ProgramFactory(slug="refused")
    url = reverse("admin:knowledge_program_change", args=[program.pk])
    data = _form(
        program,
        **{
            "ratings-TOTAL_FORMS": "1",
            "ratings-0-source": "blueprints",
            "ratings-0-level": "effective_single",
            "ratings-0-url": "https://x.org",
        },
    )
    response = cast.client("staff").post(url, data)
    assert response.status_code == 200
    message = "This level does not exist for this source."
    with translation.override("fr"):  # the admin answers in the user's language, either
        in_french = translation.gettext(message)
    html = response.content.decode().replace("&#x27;", "'")
    assert message in html or in_french in html
    assert Program.objects.get(pk=program.pk).strength == "not_rated"


def test_only_staff_reach_the_editor(cast):
    url = reverse("admin:knowledge_program_changelist")
    assert cast.client("coordinator_a").get(url).status_code == 302
    assert cast.client("staff").get(url).status_code == 200
