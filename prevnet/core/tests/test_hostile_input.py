"""NUL characters in any parameter: a clear 400 on every page and endpoint, never a 500."""

from __future__ import annotations

import pytest

URLS = [
    "/en/network/municipalities/",
    "/en/network/organizations/",
    "/en/network/people/",
    "/api/municipalities",
    "/api/organizations",
    "/api/people",
]
PARAMS = [
    "q",
    "region",
    "province",
    "membership",
    "ccss",
    "type",
    "position",
    "page",
    "engaged_in_ccss",
    "municipality_id",
    "format",
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("param", PARAMS)
def test_nul_in_query_is_refused_clearly(cast, url, param):
    response = cast.client("staff").get(url, {param: "a\x00b"})
    assert response.status_code == 400
    text = response.json()["detail"] if url.startswith("/api/") else response.content.decode()
    assert f"“{param}” contains a NUL character" in text


def test_nul_in_form_post_is_refused(cast):
    response = cast.client("staff").post(
        f"/en/network/municipalities/{cast.city_a.pk}/edit/", {"name": "A\x00"}
    )
    assert response.status_code == 400


def test_json_bodies_are_checked_by_the_api_itself(cast):
    response = cast.client("staff").post(
        "/api/municipalities",
        '{"name": "A\\u0000", "province": "ON", "csd_code": "3510010"}',
        content_type="application/json",
    )
    assert response.status_code == 422


def test_message_is_in_french_on_french_pages(cast):
    response = cast.client("staff").get("/fr/network/municipalities/", {"q": "\x00"})
    assert "NUL" in response.content.decode() and "paramètre" in response.content.decode()


def test_nul_in_a_cookie_is_refused(client, db):
    client.cookies["sessionid"] = "abc\x00def"
    response = client.get("/en/network/municipalities/")
    assert response.status_code == 400
    assert "cookie" in response.content.decode()


def test_api_gets_its_refusal_as_json(cast):
    response = cast.client("staff").get("/api/municipalities", {"q": "a\x00"})
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
