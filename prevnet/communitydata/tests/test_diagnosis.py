"""The local safety diagnosis on hand-made data where the answer is obvious."""

from __future__ import annotations

import pytest

from prevnet.communitydata import diagnosis, services
from prevnet.communitydata.models import GeoLevel
from prevnet.communitydata.tests.builders import Crime, census, flat, geography
from prevnet.knowledge.models import Program, RiskFactor, Topic
from prevnet.network.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    city = MunicipalityFactory(name="Alphaville", csd_code="3500001", population=50_000)
    peers = [
        MunicipalityFactory(name=f"Peer {i}", csd_code=f"350010{i}", population=40_000 + i)
        for i in range(5)
    ]
    crime = Crime()
    own = geography(city)
    crime.rates(own, "1610", {**flat(10.0), 2018: 10.0, 2023: 30.0})  # robbery tripled over 5 years
    crime.rates(
        own, "2120", {**flat(100.0), 2013: 50.0, 2023: 75.0}
    )  # B&E: 10-year rise, 5-year fall
    crime.rates(own, "2140", flat(400.0))  # theft: flat, never a finding
    crime.rates(own, "0", {**flat(1000.0), 2023: 5000.0})  # a total is not one problem
    crime.rates(own, "1430", {**flat(0.2), 2023: 5.0})  # from almost nothing: noise
    crime.csi_values(own, {2023: 90.0})
    for i, peer in enumerate(peers):
        crime.csi_values(geography(peer), {2023: 50.0 + 10 * i})  # 50..90: above 4 of 5 peers?
    province = geography(level=GeoLevel.PROVINCE, province=city.province, name="Province")
    census(
        own, low_income=20.0, unemployment_rate=5.0, median_household_income=60000, population=50000
    )
    census(
        province,
        low_income=10.0,
        unemployment_rate=8.0,
        median_household_income=80000,
        population=9e6,
    )
    return city, peers


def test_rising_violations_over_5_and_10_years(town):
    city, peers = town
    findings = diagnosis.diagnose(city, peers)
    rises = [f.text for f in diagnosis.by_kind(findings)["rise"]]
    assert rises == [
        "Violation [1610]: the police-reported rate rose by 200% over 5 years, from 10.0 per 100,000 in 2018 to 30.0 in 2023.",  # noqa: E501
        "Violation [1610]: the police-reported rate rose by 200% over 10 years, from 10.0 per 100,000 in 2013 to 30.0 in 2023.",  # noqa: E501
        "Violation [2120]: the police-reported rate rose by 50% over 10 years, from 50.0 per 100,000 in 2013 to 75.0 in 2023.",  # noqa: E501
    ]


def test_percentile_among_peers(town):
    city, peers = town
    peer_finding = diagnosis.by_kind(diagnosis.diagnose(city, peers))["peers"][0]
    # Peers at 50, 60, 70, 80, 90: 90 is above four of five (the equal one does not count).
    assert (
        peer_finding.text
        == "Crime Severity Index: 90.0, higher than 80% of the 5 peers (their median: 70.0)."
    )
    assert diagnosis.percentile(5, [1, 2, 3, 10]) == 75
    assert diagnosis.percentile(5, []) == 0


def test_risk_factors_above_the_province(town):
    city, peers = town
    risks = diagnosis.by_kind(diagnosis.diagnose(city, peers))["risk"]
    texts = [f.text for f in risks]
    province = city.province.name
    assert (
        texts
        == [
            f"Median household income ($): 60,000 in Alphaville against 80,000 in {province}.",  # lower: risk  # noqa: E501
            f"Low income, LIM-AT (%): 20.0 in Alphaville against 10.0 in {province}.",
        ]
    )  # unemployment is below the province: no finding
    assert [f.risk_factors for f in risks] == [["low-income"], ["low-income"]]


def test_findings_link_programs_strongest_first(town):
    city, peers = town
    weak = Program.objects.create(
        slug="weak", name_en="Weak", name_fr="Faible", strength="promising"
    )
    strong = Program.objects.create(
        slug="strong", name_en="Strong", name_fr="Fort", strength="well_supported"
    )
    harmful = Program.objects.create(
        slug="scared", name_en="Scared", name_fr="Peur", strength="not_effective"
    )
    for p in (weak, strong, harmful):
        p.risk_factors.add(RiskFactor.objects.get(slug="low-income"))
    Program.objects.create(
        slug="other", name_en="Other", name_fr="Autre", strength="well_supported"
    ).topics.add(Topic.objects.get(slug="substance-use"))
    robbery = Program.objects.create(slug="rob", name_en="Rob", name_fr="Vol", strength="supported")
    robbery.topics.add(Topic.objects.get(slug="youth-gang-violence"))
    findings = diagnosis.by_kind(diagnosis.diagnose(city, peers))
    assert findings["risk"][0].programs == [strong, weak, harmful]
    assert findings["rise"][0].programs == [robbery]
    # The evaluation app's page starts a logic model from the program.
    url = diagnosis.logic_model_url(strong)
    assert url.endswith("/evaluation/logic-models/new/?program=strong")


def test_crime_profile(town):
    city, peers = town
    profile = services.crime_profile([city.pk, peers[0].pk, 999999])
    assert profile[city.pk] == {
        "1610": 30.0,
        "2120": 75.0,
        "2140": 400.0,
        "0": 5000.0,
        "1430": 5.0,
        "csi": 90.0,
    }
    assert profile[peers[0].pk] == {"csi": 50.0}
    assert 999999 not in profile


def test_crime_profile_query_count(town, django_assert_max_num_queries):
    city, peers = town
    with django_assert_max_num_queries(4):
        services.crime_profile([city.pk, *(p.pk for p in peers)])


def test_findings_read_in_french(town):
    from django.utils.translation import override

    city, peers = town
    with override("fr"):
        risks = diagnosis.by_kind(diagnosis.diagnose(city, peers))["risk"]
    assert risks[1].text.startswith("Faible revenu, MFR-ApI (%) : 20,0 à Alphaville contre 10,0")
