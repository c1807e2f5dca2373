"""Search in English and French, facets with their counts, drafts hidden from the public."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from prevnet.knowledge import search as kb_search
from prevnet.knowledge.models import Program
from prevnet.knowledge.tests.factories import ProgramFactory
from prevnet.knowledge.vocabulary import Status

pytestmark = pytest.mark.django_db


def _found(query, chosen=None):
    return set(
        kb_search.search(Program.objects.all(), query, chosen or {}).programs.values_list(
            "slug", flat=True
        )
    )


def test_gang_finds_cure_violence_and_cirv(seeded):
    found = _found("gang")
    assert {"cure-violence", "cirv"} <= found
    assert "nurse-family-partnership" not in found


def test_french_query_finds_french_text(seeded):
    # Words only in the French summary of CIRV (« dissuasion ciblée », « autoréférence »).
    assert "cirv" in _found("dissuasion ciblée")
    assert "cirv" in _found("autoréférence")
    assert "cirv" not in _found("focused nonsenseword")


def test_accents_and_case_do_not_matter(seeded):
    assert _found("SÉCURITÉ communautaire") == _found("securite communautaire")
    assert "winnipeg-21-block" in _found("securite communautaire")


def test_plural_finds_singular(seeded):
    assert {"cure-violence", "cirv"} <= _found("gangs")


def test_unknown_word_finds_nothing(seeded):
    assert _found("zzzqqq") == set()


def test_facet_counts_match_the_results(db):
    ProgramFactory(slug="a", settings=["school"], age_groups=["youth"], summary_en="gang work")
    ProgramFactory(slug="b", settings=["school", "community"], summary_en="gang outreach")
    ProgramFactory(slug="c", settings=["community"], summary_en="parenting")
    ProgramFactory(slug="d", settings=["school"], summary_en="gang", cost_per_participant=800)
    result = kb_search.search(Program.objects.all(), "gang", {})
    by_key = {f.key: {v.value: v.count for v in f.values} for f in result.facets}
    assert by_key["setting"] == {"school": 3, "community": 1}
    assert by_key["age"] == {"youth": 1}
    assert by_key["cost"] == {"500_2000": 1, "unknown": 2}
    assert by_key["strength"] == {"not_rated": 3}

    narrowed = kb_search.search(Program.objects.all(), "gang", {"setting": "community"})
    assert set(narrowed.programs.values_list("slug", flat=True)) == {"b"}
    by_key = {f.key: {v.value: v.count for v in f.values} for f in narrowed.facets}
    assert by_key["setting"] == {"school": 1, "community": 1}


def test_topic_and_canadian_facets(seeded):
    result = kb_search.search(Program.objects.all(), "", {"topic": "violence-against-women"})
    slugs = set(result.programs.values_list("slug", flat=True))
    assert slugs == {"green-dot", "fourth-r", "nurse-family-partnership"}
    canadian = {f.key: {v.value: v.count for v in f.values} for f in result.facets}["canadian"]
    assert canadian == {"yes": 2, "no": 1}  # the Fourth R (London) and NFP (British Columbia)


def test_results_are_ordered_by_strength(seeded):
    slugs = list(
        kb_search.search(Program.objects.all(), "", {}).programs.values_list("slug", flat=True)
    )
    assert set(slugs[:2]) == {"lifeskills-training", "nurse-family-partnership"}


def test_public_never_sees_drafts(cast):
    ProgramFactory(
        slug="draft", name_en="Secret draft", name_fr="Secret draft", status=Status.DRAFT
    )
    ProgramFactory(slug="out", name_en="Public one")
    url = "/en/knowledge/"
    assert "Secret draft" not in cast.client("anonymous").get(url).content.decode()
    assert "Secret draft" not in cast.client("participant").get(url).content.decode()
    assert "Secret draft" in cast.client("staff").get(url).content.decode()
    detail = reverse("knowledge:program_detail", args=["draft"])
    assert cast.client("participant").get(detail).status_code == 403
    assert cast.client("staff").get(detail).status_code == 200


def test_search_page_shows_badges_examples_and_facet_counts(cast, seeded):
    with translation.override("en"):
        url = reverse("knowledge:search")
    html = cast.client("anonymous").get(url, {"q": "gang"}).content.decode()
    assert "Cure Violence" in html and "Halifax, Nova Scotia" in html
    assert re.search(r"Youth and gang violence</a> <span class=\"count\">\(\d+\)", html)
    html = cast.client("anonymous").get(url, {"q": "drogues"}).content.decode()
    assert "Blueprints: Model" in html  # LifeSkills Training's rating badge


def test_hostile_query_is_harmless(cast, seeded):
    url = reverse("knowledge:search")
    response = cast.client("anonymous").get(url, {"q": "<script>alert(1)</script>' OR 1=1 --" * 20})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_compare_side_by_side(cast, seeded):
    url = reverse("knowledge:compare")
    html = cast.client("anonymous").get(url + "?p=cirv&p=snap&p=cure-violence").content.decode()
    assert html.index("CIRV") < html.index("SNAP") < html.index("Cure Violence (Chicago")
    too_few = cast.client("anonymous").get(url + "?p=cirv").content.decode()
    assert "Choose two to four programs" in too_few


def test_search_query_count_is_bounded(cast, seeded, django_assert_max_num_queries):
    client = cast.client("anonymous")
    url = reverse("knowledge:search")
    with django_assert_max_num_queries(15):
        client.get(url, {"q": "violence", "setting": "community"})


def test_program_page_query_count_is_bounded(cast, seeded, django_assert_max_num_queries):
    client = cast.client("anonymous")
    with django_assert_max_num_queries(20):
        response = client.get("/en/knowledge/programs/nurse-family-partnership/")
    html = response.content.decode()
    assert "Blueprints" in html and "British Columbia" in html and "Olds DL" in html
