"""Peer matching from the database: loader, pages, one click to a proposed exchange."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from prevnet.activities import matching
from prevnet.activities.models import Activity, Exchange, LearningProfile, MatchingWeights
from prevnet.activities.tests.factories import ActivityFactory
from prevnet.knowledge.models import Program, Topic
from prevnet.network.factories import MunicipalityFactory
from prevnet.network.models import EngagementEvent
from prevnet.programs.models import MunicipalProgram

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(cast):
    youth = Topic.objects.get(slug="youth-gang-violence")
    program = Program.objects.create(
        slug="fourth-r", name_en="the Fourth R", name_fr="Quatrième R", strength="promising"
    )
    program.topics.add(youth)
    mentor = MunicipalityFactory(
        name="Mentorville", csd_code="3590001", latitude=Decimal("45.0"), longitude=Decimal("-80.7")
    )
    MunicipalProgram.objects.create(municipality=mentor, name="Fourth R", knowledge_program=program)
    EngagementEvent.objects.create(municipality=mentor, kind="ccss", started_on=dt.date(2020, 1, 1))
    for i in range(5):
        MunicipalityFactory(name=f"Plain {i}", csd_code=f"359100{i}")
    profile = LearningProfile.objects.create(municipality=cast.city_a)
    profile.topics.add(youth)
    cast.city_a.latitude, cast.city_a.longitude = Decimal("45.0"), Decimal("-75.0")
    cast.city_a.save()
    return mentor


def test_loader_and_ranking_from_the_database(cast, network, django_assert_max_num_queries):
    # 11 for the network, up to 4 for the community data's crime profiles.
    with django_assert_max_num_queries(15):
        matches = matching.matches_for(cast.city_a.pk)
    assert matches[0].place.id == network.pk
    assert "runs the Fourth R, rated promising" in matches[0].reasons
    assert "has a CCSS in place" in matches[0].reasons
    # Nothing changed: the network is reused; only the fingerprint and the seeker are read.
    with django_assert_max_num_queries(9):
        matching.matches_for(cast.city_a.pk)


def test_crime_profiles_from_community_data_make_a_similar_city_rank_higher(cast):
    from prevnet.communitydata.tests.builders import Crime, geography

    twin = MunicipalityFactory(name="Twin", csd_code="3592001", population=50_000)
    other = MunicipalityFactory(name="Other", csd_code="3592002", population=50_000)
    cast.city_a.population = 50_000
    cast.city_a.save()
    crime = Crime()
    for city, robbery, theft in [
        (cast.city_a, 90.0, 10.0),
        (twin, 88.0, 11.0),
        (other, 5.0, 900.0),
    ]:
        place = geography(city)
        crime.rates(place, "1610", {2023: robbery})
        crime.rates(place, "2140", {2023: theft})
    ranked = [m.place.id for m in matching.matches_for(cast.city_a.pk, limit=50)]
    assert ranked.index(twin.pk) < ranked.index(other.pk)
    top = next(m for m in matching.matches_for(cast.city_a.pk, limit=50) if m.place.id == twin.pk)
    assert "similar crime profile" in top.reasons


def test_an_edit_is_seen_at_once_despite_the_kept_network(cast, network):
    matching.matches_for(cast.city_a.pk)
    network.population = 5_000_000  # no longer a similar size
    network.save()
    assert matching.cached_network()[network.pk].population == 5_000_000
    plain = MunicipalityFactory(name="Newcomer", csd_code="3592000")
    assert plain.pk in matching.cached_network()


def test_past_exchange_is_not_repeated_and_hosting_counts(cast, network):
    act = ActivityFactory(type="exchange", place=network)
    Exchange.objects.create(activity=act, visiting=cast.city_b, host=network, status="reported")
    assert network.pk not in [m.place.id for m in matching.matches_for(cast.city_b.pk)]
    top = matching.matches_for(cast.city_a.pk)[0]
    assert top.place.hosted == 1 and "has hosted 1 exchange" in top.reasons


def test_matches_page_and_one_click_proposal(cast, network):
    page = cast.client("observer").get(f"/en/activities/matching/{cast.city_a.pk}/")
    assert "Mentorville" in page.content.decode()
    assert "Propose an exchange" not in page.content.decode()
    url = f"/en/activities/matching/{cast.city_a.pk}/propose/{network.pk}/"
    assert cast.client("coordinator_a").post(url).status_code == 403
    assert cast.client("staff").get(url).status_code == 405
    response = cast.client("staff").post(url)
    exchange = Exchange.objects.get()
    assert response["Location"].endswith(f"/activities/{exchange.activity_id}/exchange/")
    assert (exchange.visiting, exchange.host, exchange.status) == (cast.city_a, network, "proposed")
    assert "the Fourth R" in exchange.learning_goals
    assert Activity.objects.get().published is False
    same = f"/en/activities/matching/{cast.city_a.pk}/propose/{cast.city_a.pk}/"
    cast.client("staff").post(same)
    assert Exchange.objects.count() == 1


def test_staff_tune_weights_and_coordinator_edits_profile(cast, network):
    cast.client("staff").post(
        "/en/activities/matching/weights/",
        {"expertise": "0", "similarity": "0", "distance": "5", "language": "0", "mentoring": "0"},
    )
    assert MatchingWeights.current().distance == 5
    page = cast.client("staff").post(
        "/en/activities/matching/weights/",
        {"expertise": "-1", "similarity": "0", "distance": "5", "language": "0", "mentoring": "0"},
    )
    assert "greater than or equal to 0" in page.content.decode()
    women = Topic.objects.get(slug="violence-against-women")
    url = f"/en/activities/matching/{cast.city_a.pk}/profile/"
    assert cast.client("coordinator_b").post(url, {"topics": [women.pk]}).status_code == 403
    cast.client("coordinator_a").post(url, {"topics": [women.pk], "needs": "Safer homes"})
    assert list(LearningProfile.objects.get(municipality=cast.city_a).topics.all()) == [women]


def test_matching_home_redirects_to_a_municipality(cast):
    response = cast.client("coordinator_a").get(
        "/en/activities/matching/", {"municipality": cast.city_a.pk}
    )
    assert response["Location"].endswith(f"/matching/{cast.city_a.pk}/")
    assert (
        cast.client("coordinator_a")
        .get("/en/activities/matching/", {"municipality": "x"})
        .status_code
        == 200
    )
