"""The read-only SROI API: results equal to the service's, access per role, bad input, queries."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prevnet.network.factories import MunicipalityFactory
from prevnet.sroi.calculation import money, ratio
from prevnet.sroi.models import Analysis, FinancialProxy
from prevnet.sroi.services import results_of
from prevnet.sroi.tests.factories import municipal_program, template_program, worked_analysis

pytestmark = pytest.mark.django_db

URL = "/api/sroi"


def simple_analysis(program, title="Triple") -> Analysis:
    """$1,000 invested in the base year, ten units worth $300 for one year, no discount: 3 : 1."""
    analysis = Analysis.objects.create(
        title=title, program=program, base_year=2024, discount_rate=D(0)
    )
    people = analysis.stakeholders.create(name="Youth")
    analysis.inputs.create(year=2024, funder="City", amount=D(1000))
    analysis.outcomes.create(
        stakeholder=people, description="Fewer visits", indicator="Visits avoided",
        quantity=D(10), duration=1, proxy_description="ER visit", value_per_unit=D(300),
        proxy_source="Hand", proxy_year=2024,
    )  # fmt: skip
    return analysis


def ok(response) -> dict:
    assert response.status_code == 200, response.content
    return response.json()


def test_a_ratio_obvious_by_hand(cast):
    analysis = simple_analysis(municipal_program(cast.city_a))
    got = ok(cast.client("observer").get(f"{URL}/analyses/{analysis.pk}"))
    assert got["results"]["pv_benefits"] == "3000.00"
    assert got["results"]["pv_investment"] == "1000.00"
    assert got["results"]["npv"] == "2000.00"
    assert got["results"]["sroi_ratio"] == got["sroi_ratio"] == "3.00"
    assert got["results"]["discount_rate"] == "0.00" and got["results"]["base_year"] == 2024
    assert got["municipality"] == {"id": cast.city_a.pk, "name": "Alphaville"}
    listed = ok(cast.client("observer").get(f"{URL}/analyses"))["items"]
    assert [(a["id"], a["sroi_ratio"], a["npv"]) for a in listed] == [
        (analysis.pk, "3.00", "2000.00")
    ]


def test_the_worked_example_equals_the_service(cast):
    analysis = worked_analysis(municipal_program(cast.city_a), with_ranges=True)
    results, problems = results_of(analysis)
    got = ok(cast.client("coordinator_b").get(f"{URL}/analyses/{analysis.pk}"))
    r = got["results"]
    assert D(r["pv_benefits"]) == money(results.pv_benefits) == D("14239.07")
    assert D(r["pv_investment"]) == money(results.pv_investment) == D("15000.00")
    assert D(r["npv"]) == money(results.npv) == D("-760.93")
    assert D(r["sroi_ratio"]) == ratio(results.sroi_ratio) == D("0.95")
    assert D(r["payback_months"]) == money(results.payback_months)
    assert r["problems"] == problems == []
    assert [s["stakeholder"] for s in r["by_stakeholder"]] == ["Students", "Neighbours"]
    first = got["outcomes"][0]
    assert first["deadweight"] == "20.00" and first["attribution"] == "25.00"
    assert first["proxy"]["source"] == "Test" and first["duration"] == 3
    assert D(first["result"]["discounted"][2]) == D("4198.25")
    assert D(first["result"]["present_value"]) == money(results.outcomes[0].present_value)
    assert [i["amount"] for i in got["inputs"]] == ["10000.00", "5250.00"]
    assert got["inputs"][1]["in_kind"] is True
    assert {(x["parameter"], x["outcome_id"]) for x in got["ranges"]} == {
        ("quantity", first["id"]),
        ("discount_rate", None),
    }
    assert "created_by" not in got


def test_an_outcome_without_cpi_is_left_out_with_a_message_in_french(cast):
    analysis = worked_analysis(municipal_program(cast.city_a), proxy_year=1990)
    analysis.base_year = 2024
    analysis.save()
    from prevnet.sroi.models import CpiYear

    CpiYear.objects.filter(year=1990).delete()
    got = ok(
        cast.client("observer").get(f"{URL}/analyses/{analysis.pk}", HTTP_ACCEPT_LANGUAGE="fr")
    )
    assert got["outcomes"][0]["result"] is None
    assert any("1990" in p for p in got["results"]["problems"])


def test_no_investment_gives_no_ratio_and_says_why(cast):
    analysis = simple_analysis(municipal_program(cast.city_a))
    analysis.inputs.all().delete()
    got = ok(cast.client("observer").get(f"{URL}/analyses/{analysis.pk}"))
    assert got["sroi_ratio"] is None and got["results"]["sroi_ratio"] is None
    assert "No investment is recorded" in got["results"]["problems"][0]


def test_unknown_analysis_is_404_with_a_translated_message(cast):
    client = cast.client("staff")
    response = client.get(f"{URL}/analyses/999999")
    assert response.status_code == 404
    assert response.json()["detail"] == "There is no SROI analysis with this number."
    french = client.get(f"{URL}/analyses/999999", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french["detail"] == "Aucune analyse RSI ne porte ce numéro."


def test_anonymous_gets_401_even_for_a_missing_analysis(client, db):
    assert client.get(f"{URL}/analyses/999999").status_code == 401
    assert client.get(f"{URL}/analyses").status_code == 401
    assert client.get(f"{URL}/proxies").status_code == 401


@pytest.mark.parametrize("who", ["observer", "coordinator_a", "coordinator_b", "staff"])
def test_every_signed_in_role_reads_every_analysis_as_on_the_pages(cast, who):
    a = simple_analysis(municipal_program(cast.city_a), "In A")
    b = simple_analysis(municipal_program(cast.city_b), "In B")
    client = cast.client(who)
    listed = ok(client.get(f"{URL}/analyses"))
    assert {x["id"] for x in listed["items"]} == {a.pk, b.pk} and listed["count"] == 2
    for analysis in (a, b):
        assert client.get(f"{URL}/analyses/{analysis.pk}").status_code == 200


def test_filters(cast):
    a = simple_analysis(municipal_program(cast.city_a), "In A")
    b = simple_analysis(municipal_program(cast.city_b), "In B")
    b.base_year = 2023
    b.save()
    template = worked_analysis(template=template_program())
    client = cast.client("observer")

    def ids(query):
        return [x["id"] for x in ok(client.get(f"{URL}/analyses?{query}"))["items"]]

    assert ids(f"municipality={cast.city_a.pk}") == [a.pk]
    assert ids("kind=template") == [template.pk]
    assert set(ids("kind=municipal")) == {a.pk, b.pk}
    assert ids("base_year=2023") == [b.pk]
    assert ids("limit=1&offset=0") == [template.pk]  # last changed first
    shown = ok(client.get(f"{URL}/analyses?kind=template"))["items"][0]
    assert shown["municipality"] is None and shown["program"] is None
    assert shown["template_program"] == {"slug": "community-hubs", "name": "Community hubs"}


@pytest.mark.parametrize(
    "query",
    [
        "analyses?limit=0",
        "analyses?limit=501",
        "analyses?offset=-1",
        "analyses?offset=99999999999",
        "analyses?municipality=0",
        "analyses?municipality=abc",
        "analyses?municipality=99999999999999999999",
        "analyses?base_year=1800",
        "analyses?base_year=2024.5",
        "analyses?kind=other",
        "proxies?illustrative=maybe",
        "proxies?limit=100000",
        "analyses/0",
        "analyses/99999999999999999999",
    ],
)
def test_bad_parameters_are_422(cast, query):
    response = cast.client("staff").get(f"{URL}/{query}")
    assert response.status_code == 422, response.content


@pytest.mark.parametrize(
    "hostile",
    ["'; DROP TABLE sroi_analysis; --", "<script>alert(1)</script>", "%00", "é" * 300, "../.."],
)
def test_hostile_strings_are_refused_cleanly(cast, hostile):
    client = cast.client("staff")
    for url in (
        f"{URL}/analyses?kind={hostile}",
        f"{URL}/analyses?municipality={hostile}",
        f"{URL}/proxies?illustrative={hostile}",
    ):
        response = client.get(url)
        # A NUL character is refused before the API sees it (400), the rest by the schema.
        assert response.status_code == (400 if hostile == "%00" else 422), url
        assert response["Content-Type"].startswith("application/json")
    assert client.get(f"{URL}/analyses/{hostile}").status_code in (400, 404)


def test_hostile_text_in_an_analysis_comes_back_as_data(cast):
    analysis = simple_analysis(municipal_program(cast.city_a), "<script>alert(1)</script>")
    got = ok(cast.client("observer").get(f"{URL}/analyses/{analysis.pk}"))
    assert got["title"] == "<script>alert(1)</script>"


def test_proxies_with_sources_and_the_illustrative_flag(cast):
    FinancialProxy.objects.create(
        name_en="Published", name_fr="Publiée", unit_en="day", unit_fr="jour", value=D(172),
        year=2011, source="Statistics Canada", is_illustrative=False,
    )  # fmt: skip
    FinancialProxy.objects.create(
        name_en="Demo", name_fr="Démo", unit_en="visit", unit_fr="visite", value=D(300),
        year=2021, source="Illustrative", is_illustrative=True,
    )  # fmt: skip
    client = cast.client("participant")
    got = ok(client.get(f"{URL}/proxies"))
    assert [(p["name_en"], p["is_illustrative"]) for p in got["items"]] == [
        ("Demo", True),
        ("Published", False),
    ]
    assert got["items"][1]["source"] == "Statistics Canada" and got["items"][1]["value"] == "172.00"
    only = ok(client.get(f"{URL}/proxies?illustrative=false"))["items"]
    assert [p["name_en"] for p in only] == ["Published"]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_the_data(cast):
    client = cast.client("observer")
    first = worked_analysis(municipal_program(cast.city_a), with_ranges=True)
    FinancialProxy.objects.create(
        name_en="X", name_fr="X", unit_en="u", unit_fr="u", value=1, year=2024, source="s"
    )
    urls = [f"{URL}/analyses", f"{URL}/analyses/{first.pk}", f"{URL}/proxies"]
    before = [_queries(client, url) for url in urls]
    for n in range(4):
        city = MunicipalityFactory(name=f"Town {n}", csd_code=f"350010{n}")
        worked_analysis(municipal_program(city), with_ranges=True)
        simple_analysis(municipal_program(city))
        FinancialProxy.objects.create(
            name_en=f"P{n}", name_fr="P", unit_en="u", unit_fr="u", value=1, year=2024, source="s"
        )
    # The detail of a bigger analysis: same number of queries too.
    for n in range(3):
        stakeholder = first.stakeholders.create(name=f"S{n}")
        first.inputs.create(year=2026, funder=f"F{n}", amount=D(10))
        first.outcomes.create(
            stakeholder=stakeholder, description=f"O{n}", indicator="i", quantity=D(1),
            duration=2, proxy_description="p", value_per_unit=D(5), proxy_source="s",
            proxy_year=2024,
        )  # fmt: skip
    after = [_queries(client, url) for url in urls]
    assert after == before
    assert ok(client.get(f"{URL}/analyses"))["count"] == 9
