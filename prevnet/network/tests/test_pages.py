"""Registry pages: filters, exports, edits by role, bad input, history, query counts."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from prevnet.network.factories import MunicipalityFactory, OrganizationFactory, PersonFactory
from prevnet.network.models import EngagementEvent, Municipality, Province

LIST = reverse("network:municipality_list")


def names_in(response) -> list[str]:
    return [m.name for m in response.context["page"]]


@pytest.fixture
def places(db):
    quebec = Province.objects.get(abbreviation="QC")
    montreal = MunicipalityFactory(
        name="Montréal", province=quebec, csd_code="2466023", membership_status="member"
    )
    ottawa = MunicipalityFactory(name="Ottawa", csd_code="3506008", membership_status="member")
    kingston = MunicipalityFactory(name="Kingston", csd_code="3510010")
    EngagementEvent.objects.create(municipality=ottawa, kind="ccss", started_on="2020-01-01")
    # Engagement that has ended no longer counts.
    EngagementEvent.objects.create(
        municipality=kingston, kind="ccss", started_on="2015-01-01", ended_on="2018-01-01"
    )
    return montreal, ottawa, kingston


def test_list_filters(client, places):
    assert names_in(client.get(LIST)) == ["Kingston", "Montréal", "Ottawa"]
    assert names_in(client.get(LIST, {"region": "quebec"})) == ["Montréal"]
    assert names_in(client.get(LIST, {"province": "ON"})) == ["Kingston", "Ottawa"]
    assert names_in(client.get(LIST, {"membership": "member"})) == ["Montréal", "Ottawa"]
    assert names_in(client.get(LIST, {"ccss": "yes"})) == ["Ottawa"]
    assert names_in(client.get(LIST, {"ccss": "no"})) == ["Kingston", "Montréal"]
    assert names_in(client.get(LIST, {"q": "mont"})) == ["Montréal"]
    assert names_in(client.get(LIST, {"q": "3506"})) == ["Ottawa"]


def test_list_ignores_nonsense_filters(client, places):
    response = client.get(LIST, {"province": "ZZ", "ccss": "maybe", "page": "abc"})
    assert response.status_code == 200
    assert len(names_in(response)) == 3


def test_csv_export_follows_filters_and_language(client, places):
    response = client.get("/fr/network/municipalities/", {"province": "ON", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Nom"
    assert [r[0] for r in rows[1:]] == ["Kingston", "Ottawa"]
    ottawa = rows[2]
    assert ottawa[3] == "3506008"
    assert ottawa[-2] == "Oui"


def test_xlsx_export(client, places):
    response = client.get(LIST, {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Name"
    assert [row[0] for row in values[1:]] == ["Kingston", "Montréal", "Ottawa"]


def test_export_neutralises_formulas(client, db):
    MunicipalityFactory(name='=HYPERLINK("http://evil")', csd_code="3500099")
    text = b"".join(client.get(LIST, {"format": "csv"}).streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_people_export_staff_only(cast):
    url = reverse("network:person_list") + "?format=csv"
    assert cast.client("observer").get(url).status_code == 403
    text = b"".join(cast.client("staff").get(url).streaming_content).decode("utf-8-sig")
    assert cast.person_a.email in text


@pytest.mark.parametrize("count", [10, 1000])
def test_list_queries_do_not_grow(client, db, count, django_assert_num_queries):
    Municipality.objects.bulk_create(
        Municipality(
            name=f"Town {i}",
            province=Province.objects.get(abbreviation="ON"),
            csd_code=f"35{i:05d}",
        )
        for i in range(count)
    )
    # The count, the page's rows (with province, region and engagement) and the two filter
    # choice lists: the same for 10 and 1,000 municipalities.
    with django_assert_num_queries(4):
        assert client.get(LIST).status_code == 200


def _detail_queries(cast, who: str, municipality) -> int:
    client = cast.client(who)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(municipality.get_absolute_url()).status_code == 200
    return len(queries)


def _populate(municipality, count: int) -> None:
    org = OrganizationFactory(municipality=municipality)
    PersonFactory.create_batch(count // 10, municipality=municipality, organization=org)
    OrganizationFactory.create_batch(count // 10, municipality=municipality)
    for year in range(count // 100):
        EngagementEvent.objects.create(
            municipality=municipality,
            kind="ccss",
            started_on=f"{2000 + year}-01-01",
            ended_on=f"{2000 + year}-06-01",
        )


@pytest.mark.parametrize("who", ["staff", "observer", "anonymous"])
def test_detail_queries_do_not_grow(cast, who):
    _populate(cast.city_a, 10)
    _populate(cast.city_b, 1000)
    assert _detail_queries(cast, who, cast.city_a) == _detail_queries(cast, who, cast.city_b)


def test_people_are_counted_not_named_for_non_staff(cast):
    PersonFactory.create_batch(
        6, municipality=cast.city_a, position_type="police", last_name="Secretname"
    )
    PersonFactory(municipality=cast.city_a, position_type="councillor", last_name="Secretname")
    observer = cast.client("observer").get(cast.city_a.get_absolute_url()).content.decode()
    assert "Secretname" not in observer
    assert "fewer than 5" in observer  # one councillor (and the participant) stay hidden
    assert ">6<" in observer
    public = cast.client("anonymous").get(cast.city_a.get_absolute_url()).content.decode()
    assert "Secretname" not in public and "Police" not in public
    staff = cast.client("staff").get(cast.city_a.get_absolute_url()).content.decode()
    assert "Secretname" in staff


def test_coordinator_edits_own_city_but_not_network_fields(cast):
    url = reverse("network:municipality_edit", args=[cast.city_a.pk])
    client = cast.client("coordinator_a")
    form = client.get(url).context["form"]
    assert "csd_code" not in form.fields and "membership_status" not in form.fields
    response = client.post(
        url,
        {
            "population": "123456",
            "population_year": "2021",
            "website": "https://alphaville.example.ca",
            "csd_code": "9999999",
            "membership_status": "former",
        },
    )
    assert response.status_code == 302
    cast.city_a.refresh_from_db()
    assert cast.city_a.population == 123456
    assert cast.city_a.csd_code == "3500001"  # ignored: not the coordinator's to change
    assert cast.city_a.membership_status == "prospective"


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"population": "many"}, "population", "whole number"),
        ({"population": "-5"}, "population", "greater than or equal to 0"),
        ({"population_year": "1200"}, "population_year", "greater than or equal to 1851"),
        ({"latitude": "95"}, "latitude", "less than or equal to 84"),
        ({"website": "javascript:alert(1)"}, "website", "valid URL"),
        ({"csd_code": "2466023"}, "csd_code", "starts with 35"),
        ({"csd_code": "35"}, "csd_code", "7-digit"),
        ({"name": "x" * 10_000}, "name", "at most 200 characters"),
        ({"name": ""}, "name", "required"),
        ({"joined_on": "2024-13-45"}, "joined_on", "valid date"),
    ],
)
def test_edit_rejects_bad_input_clearly(cast, data, field, message):
    url = reverse("network:municipality_edit", args=[cast.city_a.pk])
    before = Municipality.objects.values().get(pk=cast.city_a.pk)
    valid = {
        "name": "Alphaville",
        "province": Province.objects.get(abbreviation="ON").pk,
        "csd_code": "3500001",
        "membership_status": "prospective",
    }
    response = cast.client("staff").post(url, {**valid, **data})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors, response.context["form"].errors
    assert Municipality.objects.values().get(pk=cast.city_a.pk) == before


def test_duplicate_code_is_refused(cast):
    response = cast.client("staff").post(
        reverse("network:municipality_create"),
        {
            "name": "Copy",
            "province": Province.objects.get(abbreviation="ON").pk,
            "csd_code": cast.city_b.csd_code,
            "membership_status": "member",
        },
    )
    assert "already exists" in str(response.context["form"].errors["csd_code"])
    assert Municipality.objects.filter(name="Copy").count() == 0


def test_hostile_strings_are_escaped(cast):
    cast.city_a.name = "<script>alert('x')</script>"
    cast.city_a.save()
    html = cast.client("anonymous").get(cast.city_a.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_coordinator_cannot_place_organization_elsewhere(cast):
    response = cast.client("coordinator_a").post(
        reverse("network:organization_create"),
        {"name": "Sneaky board", "type": "prevention_board", "municipality": cast.city_b.pk},
    )
    assert response.status_code == 200
    assert "municipality" in response.context["form"].errors
    ok = cast.client("coordinator_a").post(
        reverse("network:organization_create"),
        {"name": "Alphaville board", "type": "prevention_board", "municipality": cast.city_a.pk},
    )
    assert ok.status_code == 302


def test_edit_history_records_who_and_what(cast):
    url = reverse("network:municipality_edit", args=[cast.city_a.pk])
    cast.client("coordinator_a").post(url, {"population": "777", "population_year": "2021"})
    history = cast.client("staff").get(
        reverse("network:record_history", args=["municipality", cast.city_a.pk])
    )
    entry = history.context["entries"][0]
    assert entry.who == "coordinator_a"
    assert [(c.field, c.old, c.new) for c in entry.changes] == [("population", "50000", "777")]
    assert (
        cast.client("coordinator_a")
        .get(reverse("network:record_history", args=["municipality", cast.city_a.pk]))
        .status_code
        == 403
    )


def test_history_of_unknown_model_is_404(cast):
    url = reverse("network:record_history", args=["user", cast.users["staff"].pk])
    assert cast.client("staff").get(url).status_code == 404


def test_engagement_recorded_by_staff_changes_the_filter(cast):
    response = cast.client("staff").post(
        reverse("network:engagement_create", args=[cast.city_b.pk]),
        {"kind": "ccss", "started_on": "2025-03-01", "note": "Council adopted the strategy."},
    )
    assert response.status_code == 302
    assert names_in(cast.client("anonymous").get(LIST, {"ccss": "yes"})) == ["Betaburg"]


def test_engagement_end_before_start_refused(cast):
    response = cast.client("staff").post(
        reverse("network:engagement_create", args=[cast.city_b.pk]),
        {"kind": "ccss", "started_on": "2025-03-01", "ended_on": "2024-03-01"},
    )
    assert "before the start" in str(response.context["form"].errors)
    assert not EngagementEvent.objects.exists()


def test_home_shows_network_figures(client, places):
    figures = client.get("/en/").context["figures"]
    assert figures == {"municipalities": 3, "members": 2, "engaged_in_ccss": 1, "exchanging": 0}


def test_form_errors_are_summarised_with_links(cast):
    url = reverse("network:municipality_edit", args=[cast.city_a.pk])
    html = cast.client("coordinator_a").post(url, {"population": "many"}).content.decode()
    assert "<title>Error:" in html
    assert 'role="alert"' in html and 'href="#id_population"' in html
