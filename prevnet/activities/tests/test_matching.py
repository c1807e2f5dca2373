"""Peer matching on small hand-made networks where the right answer is obvious."""

from __future__ import annotations

import pytest
from django.utils.translation import override

from prevnet.activities.matching import Place, ProgramRun, Weights, rank

YOUTH, WOMEN = 1, 2
FOURTH_R = ProgramRun("the Fourth R", "Quatrième R", "promising", 2, frozenset({YOUTH}))
CARDIFF = ProgramRun(
    "the Cardiff Model", "modèle de Cardiff", "well_supported", 4, frozenset({WOMEN})
)
NOT_EFFECTIVE = ProgramRun(
    "Scared Straight", "Scared Straight", "not_effective", -1, frozenset({YOUTH})
)


def place(id, **kw) -> Place:
    defaults = dict(
        name=f"City {id}", province_id=35, region_id=3, population=100_000, lat=45.0, lon=-75.0
    )
    return Place(id=id, **{**defaults, **kw})


SEEKER = place(1, name="Seeker")


def ids(matches):
    return [m.place.id for m in matches]


def test_the_one_running_a_program_on_the_topic_comes_first():
    network = [SEEKER, place(2), place(3, programs=(FOURTH_R,)), place(4, programs=(CARDIFF,))]
    assert ids(rank(SEEKER, network, interests=frozenset({YOUTH})))[0] == 3
    assert ids(rank(SEEKER, network, interests=frozenset({WOMEN})))[0] == 4


def test_a_program_rated_not_effective_is_no_expertise():
    network = [SEEKER, place(2, programs=(NOT_EFFECTIVE,)), place(3, programs=(FOURTH_R,))]
    matches = rank(SEEKER, network, interests=frozenset({YOUTH}))
    assert ids(matches) == [3, 2]
    assert matches[1].parts["expertise"] == 0


def test_stronger_evidence_wins_between_otherwise_equal_peers():
    promising = ProgramRun("A", "A", "promising", 2, frozenset({YOUTH}))
    supported = ProgramRun("B", "B", "well_supported", 4, frozenset({YOUTH}))
    network = [place(2, programs=(promising,)), place(3, programs=(supported,))]
    assert ids(rank(SEEKER, network, interests=frozenset({YOUTH}))) == [3, 2]


def test_similar_size_and_nearby_beat_far_and_unlike():
    near = place(2, population=120_000, lat=45.4, lon=-75.7)
    far = place(3, population=2_000_000, lat=49.3, lon=-123.1, province_id=59, region_id=5)
    assert ids(rank(SEEKER, [far, near])) == [2, 3]


def test_no_repeat_and_never_itself():
    network = [SEEKER, place(2), place(3)]
    assert ids(rank(SEEKER, network, past_partners=frozenset({2}))) == [3]


def test_proven_mentors_preferred():
    network = [place(2), place(3, hosted=2)]
    matches = rank(SEEKER, network)
    assert ids(matches) == [3, 2]


def test_language_in_common_counts():
    network = [place(2, languages=frozenset({"en"})), place(3, languages=frozenset({"fr"}))]
    french_seeker = place(1, languages=frozenset({"fr"}))
    assert ids(rank(french_seeker, network)) == [3, 2]


def test_crime_profile_similarity_when_provided():
    network = [place(2), place(3)]
    crime = {
        1: {"assault": 10, "theft": 1},
        2: {"assault": 1, "theft": 10},
        3: {"assault": 9, "theft": 2},
    }
    assert ids(rank(SEEKER, network, crime=crime)) == [3, 2]


def test_weights_change_the_order():
    expert_far = place(2, programs=(FOURTH_R,), lat=49.3, lon=-123.1)
    nothing_near = place(3, lat=45.01, lon=-75.01)
    interests = frozenset({YOUTH})
    assert ids(rank(SEEKER, [expert_far, nothing_near], interests=interests))[0] == 2
    distance_only = Weights(expertise=0, similarity=0, distance=1, language=0, mentoring=0)
    assert (
        ids(rank(SEEKER, [expert_far, nothing_near], interests=interests, weights=distance_only))[0]
        == 3
    )


def test_ten_best_at_most():
    network = [place(i) for i in range(2, 30)]
    assert len(rank(SEEKER, network)) == 10


def test_missing_data_does_not_break_the_ranking():
    odd = place(2, population=None, lat=None, lon=None)
    match = rank(SEEKER, [odd])[0]
    assert match.km is None and match.parts["distance"] == 0.5


@pytest.mark.parametrize(
    "language, expected",
    [
        (
            "en",
            [
                "runs the Fourth R, rated promising",
                "works on 1 of your 1 topics",
                "has a CCSS in place",
                "similar size",
                "same province",
                "450 km",
                "has hosted 2 exchanges",
            ],
        ),
    ],
)
def test_reasons_in_plain_words(language, expected):
    # Ottawa to a point about 450 km west along the same latitude.
    mentor = place(2, programs=(FOURTH_R,), ccss=True, hosted=2, lat=45.0, lon=-80.73)
    with override(language):
        reasons = rank(SEEKER, [mentor], interests=frozenset({YOUTH}))[0].reasons
    assert reasons == expected


def test_reasons_in_french():
    mentor = place(2, programs=(FOURTH_R,), hosted=1, lat=45.0, lon=-80.73)
    with override("fr"):
        reasons = rank(SEEKER, [mentor], interests=frozenset({YOUTH}))[0].reasons
    assert reasons[0] == "applique Quatrième R, cote prometteur"
    assert "a accueilli 1 échange" in reasons
