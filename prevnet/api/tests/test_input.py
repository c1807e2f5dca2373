"""Bad and hostile input: a 4xx naming the field, nothing written, never a 5xx."""

from __future__ import annotations

import pytest

from prevnet.api.tests.conftest import send
from prevnet.network.models import EngagementEvent, Municipality, Organization, Person

NEW_CITY = {"name": "Kingston", "province": "ON", "csd_code": "3510010"}


def named_fields(response) -> set[str]:
    """Every field an error response names (in ``loc``, for ninja's and the model's errors)."""
    detail = response.json()["detail"]
    assert isinstance(detail, list), detail
    return {str(part) for error in detail for part in error["loc"]}


def snapshot() -> tuple:
    """The registry's rows, to check that a refused write left nothing behind."""
    return tuple(
        sorted(model.objects.values_list("pk", *names))
        for model, names in (
            (Municipality, ("name", "csd_code", "province_id", "website", "population")),
            (Organization, ("name", "type", "municipality_id", "website")),
            (Person, ("first_name", "last_name", "email", "title", "language")),
            (EngagementEvent, ("kind", "note")),
        )
    )


@pytest.mark.parametrize(
    "body, field",
    [
        ({"name": "X", "province": "ON"}, "csd_code"),
        ({"province": "ON", "csd_code": "3510010"}, "name"),
        ({**NEW_CITY, "province": "ZZ"}, "province"),
        ({**NEW_CITY, "province": "Ontario"}, "province"),
        ({**NEW_CITY, "province": 35}, "province"),
        ({**NEW_CITY, "province": "QC"}, "csd_code"),  # a code of Ontario in Quebec
        ({**NEW_CITY, "csd_code": "3500001"}, "csd_code"),  # the cast's city_a has it
        ({**NEW_CITY, "csd_code": "35100"}, "csd_code"),
        ({**NEW_CITY, "csd_code": "٣٥١٠٠١٠"}, "csd_code"),  # Arabic-Indic digits
        ({**NEW_CITY, "csd_code": 3510010}, "csd_code"),
        ({**NEW_CITY, "name": "X\x00"}, "name"),
        ({**NEW_CITY, "name": "x" * 10_000}, "name"),
        ({**NEW_CITY, "name": ["a list"]}, "name"),
        ({**NEW_CITY, "name": None}, "name"),
        ({**NEW_CITY, "population": "many"}, "population"),
        ({**NEW_CITY, "population": -1}, "population"),
        ({**NEW_CITY, "population": 10**30}, "population"),
        ({**NEW_CITY, "population_year": 1200}, "population_year"),
        ({**NEW_CITY, "latitude": 95}, "latitude"),
        ({**NEW_CITY, "longitude": "west"}, "longitude"),
        ({**NEW_CITY, "joined_on": "2020-13-01", "membership_status": "member"}, "joined_on"),
        ({**NEW_CITY, "joined_on": "2020-01-01"}, "joined_on"),  # prospective, yet joined
        ({**NEW_CITY, "membership_status": "emeritus"}, "membership_status"),
        ({**NEW_CITY, "website": "javascript:alert(1)"}, "website"),
        ({**NEW_CITY, "website": "https://" + "a" * 300 + ".ca"}, "website"),
    ],
)
def test_bad_municipality_is_422_naming_the_field(cast, body, field):
    before = snapshot()
    response = send(cast.client("staff"), "post", "/api/municipalities", body)
    assert response.status_code == 422, response.content
    assert field in named_fields(response), response.content
    assert snapshot() == before


def test_moving_a_municipality_to_the_wrong_province_is_refused(cast):
    url = f"/api/municipalities/{cast.city_a.pk}"
    response = send(cast.client("staff"), "patch", url, {"province": "qc"})
    assert response.status_code == 422
    assert "csd_code" in named_fields(response)
    assert "24" in response.content.decode()  # Quebec's codes start with 24
    cast.city_a.refresh_from_db()
    assert cast.city_a.province.abbreviation == "ON"


def test_duplicate_code_message_is_clear(cast):
    body = {**NEW_CITY, "csd_code": cast.city_a.csd_code}
    response = send(cast.client("staff"), "post", "/api/municipalities", body)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "csd_code"],
            "msg": "Municipality with this Census subdivision code already exists.",
        }
    ]


def test_a_unique_value_taken_meanwhile_is_409_and_leaves_nothing(cast, monkeypatch):
    # Another request saves the same code between our check and our insert.
    monkeypatch.setattr(Municipality, "validate_unique", lambda self, exclude=None: None)
    before = snapshot()
    body = {**NEW_CITY, "csd_code": cast.city_a.csd_code}
    response = send(cast.client("staff"), "post", "/api/municipalities", body)
    assert response.status_code == 409
    assert "meanwhile" in response.json()["detail"]
    assert snapshot() == before  # and the connection still works after the rollback


def test_duplicate_organization_in_one_city_is_422(api_cast):
    body = {"name": "Board A", "type": "police", "municipality_id": api_cast.city_a.pk}
    response = send(api_cast.client("staff"), "post", "/api/organizations", body)
    assert response.status_code == 422
    assert "Board A" not in [o.name for o in Organization.objects.exclude(pk=api_cast.org_a.pk)]


@pytest.mark.parametrize(
    "url, body, field",
    [
        ("/api/organizations", {"name": "X", "type": "bakery"}, "type"),
        (
            "/api/organizations",
            {"name": "X", "type": "police", "municipality_id": 999999},
            "municipality_id",
        ),
        (
            "/api/organizations",
            {"name": "X", "type": "police", "municipality_id": "one"},
            "municipality_id",
        ),
        (
            "/api/organizations",
            {"name": "X", "type": "police", "municipality_id": 2**64},
            "municipality_id",
        ),
        ("/api/organizations", {"type": "police"}, "name"),
        ("/api/people", {"first_name": "A", "last_name": "B"}, "position_type"),
        (
            "/api/people",
            {"first_name": "A", "last_name": "B", "position_type": "police", "email": "nope"},
            "email",
        ),
        (
            "/api/people",
            {"first_name": "A", "last_name": "B", "position_type": "police", "language": "de"},
            "language",
        ),
        (
            "/api/people",
            {
                "first_name": "A",
                "last_name": "B",
                "position_type": "police",
                "organization_id": 999999,
            },
            "organization_id",
        ),
        ("{city}/engagement", {"kind": "ccss"}, "started_on"),
        ("{city}/engagement", {"kind": "ccss", "started_on": "yesterday"}, "started_on"),
        (
            "{city}/engagement",
            {"kind": "ccss", "started_on": "2024-05-01", "ended_on": "2024-01-01"},
            "ended_on",
        ),
        (
            "{city}/engagement",
            {"kind": "ccss", "started_on": "2024-05-01", "note": "n" * 2001},
            "note",
        ),
    ],
)
def test_bad_organization_person_engagement_is_422(api_cast, url, body, field):
    url = url.format(city=f"/api/municipalities/{api_cast.city_a.pk}")
    before = snapshot()
    response = send(api_cast.client("staff"), "post", url, body)
    assert response.status_code == 422, response.content
    assert field in named_fields(response), response.content
    assert snapshot() == before


# Every text field of every write, with hostile values: refused clearly or stored intact.
WRITES = [
    ("post", "/api/municipalities", NEW_CITY, ("name", "province", "csd_code", "website")),
    ("patch", "{city}", {}, ("name", "province", "csd_code", "website")),
    (
        "post",
        "{city}/engagement",
        {"kind": "ccss", "started_on": "2024-01-01"},
        ("kind", "started_on", "ended_on", "note"),
    ),
    ("post", "/api/organizations", {"name": "O", "type": "police"}, ("name", "type", "website")),
    ("patch", "{org}", {}, ("name", "type", "website")),
    (
        "post",
        "/api/people",
        {"first_name": "A", "last_name": "B", "position_type": "police"},
        ("first_name", "last_name", "email", "position_type", "title", "language"),
    ),
    (
        "patch",
        "{person}",
        {},
        ("first_name", "last_name", "email", "position_type", "title", "language"),
    ),
]
FREE_TEXT = ("name", "first_name", "last_name", "title", "note")
CASES = [(m, u, b, f) for m, u, b, fields in WRITES for f in fields]


def url_for(template: str, cast) -> str:
    return template.format(
        city=f"/api/municipalities/{cast.city_a.pk}",
        org=f"/api/organizations/{cast.org_a.pk}",
        person=f"/api/people/{cast.person_a.pk}",
    )


@pytest.mark.parametrize("value", ["a\x00b", "x" * 10_000], ids=["NUL", "10000 chars"])
@pytest.mark.parametrize("method, url, body, field", CASES)
def test_hostile_text_is_422(api_cast, method, url, body, field, value):
    before = snapshot()
    response = send(
        api_cast.client("staff"), method, url_for(url, api_cast), {**body, field: value}
    )
    assert response.status_code == 422, response.content
    assert field in named_fields(response)
    if value.startswith("a") and field in FREE_TEXT:
        assert "NUL characters are not allowed" in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize(
    "value", ["Saint-Jérôme", "Lévis 🚓", "ᐃᓄᒃᑐᑦ", "مدينة", "\u202etxet", "e\u0301", "<b>x</b>"]
)
@pytest.mark.parametrize("method, url, body, field", CASES)
def test_unicode_text_is_stored_or_refused_never_500(api_cast, method, url, body, field, value):
    response = send(
        api_cast.client("staff"), method, url_for(url, api_cast), {**body, field: value}
    )
    assert response.status_code in (200, 201, 422), response.content
    if response.status_code == 422:
        assert field in named_fields(response)
    elif field in FREE_TEXT:
        assert response.json()[field] == value


@pytest.mark.parametrize(
    "raw",
    [
        '{"name": "\\ud800", "province": "ON", "csd_code": "3510010"}',
        "{not json",
        "[]",
        "null",
        '"x"',
        "",
    ],
)
def test_broken_json_is_a_clear_4xx(cast, raw):
    before = snapshot()
    response = send(cast.client("staff"), "post", "/api/municipalities", raw)
    assert response.status_code in (400, 422), response.content
    assert "detail" in response.json()
    assert snapshot() == before


@pytest.mark.parametrize("url", ["/api/municipalities", "/api/organizations", "/api/people"])
@pytest.mark.parametrize(
    "params, ok",
    [
        ({"q": "x" * 10_000}, False),
        ({"q": "x" * 200}, True),
        ({"q": "Jérôme 🚓"}, True),
        ({"q": "a\x00b"}, False),
        ({"q": "%' OR 1=1 --"}, True),
        ({"limit": 0}, False),
        ({"limit": 10**30}, False),
        ({"offset": -1}, False),
        ({"municipality_id": "x"}, False),
    ],
)
def test_list_filters_refuse_hostile_values_clearly(cast, url, params, ok):
    if "municipality_id" in params and url == "/api/municipalities":
        params = {"engaged_in_ccss": "maybe"}
    response = cast.client("staff").get(url, params)
    # 400 comes from the site-wide NUL guard, 422 from the API's own validation.
    assert response.status_code == 200 if ok else response.status_code in (400, 422)


@pytest.mark.parametrize(
    "url, params",
    [
        ("/api/municipalities", {"membership": "emeritus"}),
        ("/api/municipalities", {"province": "ONT"}),
        ("/api/organizations", {"type": "bakery"}),
        ("/api/people", {"position": "mayor"}),
    ],
)
def test_unknown_choices_in_filters_are_422(cast, url, params):
    response = cast.client("staff").get(url, params)
    assert response.status_code == 422
    assert next(iter(params)) in named_fields(response)
