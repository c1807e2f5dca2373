"""The read API: programs list and detail, published only for the public."""

from __future__ import annotations

import pytest

from prevnet.knowledge.tests.factories import ProgramFactory
from prevnet.knowledge.vocabulary import Status

pytestmark = pytest.mark.django_db


def test_list_searches_and_filters(cast, seeded):
    response = cast.client("anonymous").get("/api/knowledge/programs", {"q": "gang"})
    assert response.status_code == 200
    slugs = {p["slug"] for p in response.json()["items"]}
    assert {"cure-violence", "cirv"} <= slugs
    response = cast.client("anonymous").get(
        "/api/knowledge/programs", {"topic": "violence-against-women", "setting": "school"}
    )
    assert {p["slug"] for p in response.json()["items"]} == {"green-dot", "fourth-r"}


def test_detail_has_ratings_and_examples(cast, seeded):
    data = cast.client("anonymous").get("/api/knowledge/programs/nurse-family-partnership").json()
    assert data["strength"] == "well_supported"
    assert data["ratings"][0]["source"] == "blueprints"
    assert data["canadian_examples"][0]["place"] == "British Columbia"


def test_drafts_are_hidden_from_the_public(cast):
    ProgramFactory(slug="draft", status=Status.DRAFT)
    assert cast.client("anonymous").get("/api/knowledge/programs/draft").status_code == 404
    assert cast.client("staff").get("/api/knowledge/programs/draft").status_code == 200
    listed = cast.client("anonymous").get("/api/knowledge/programs").json()["items"]
    assert "draft" not in {p["slug"] for p in listed}


def test_bad_parameters_are_refused(cast):
    response = cast.client("anonymous").get("/api/knowledge/programs", {"q": "x" * 500})
    assert response.status_code == 422
