"""The summary strength follows the ratings; every source level is mapped; programs_for."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from prevnet.knowledge import evidence, services
from prevnet.knowledge.models import EvidenceRating, EvidenceStrength, Program, Topic
from prevnet.knowledge.tests.factories import ProgramFactory
from prevnet.knowledge.vocabulary import Status

pytestmark = pytest.mark.django_db


def test_every_level_maps_onto_the_scale():
    for source, levels in evidence.LEVELS.items():
        assert levels, source
        for code, _label, strength in levels:
            assert strength in EvidenceStrength.values
            assert evidence.strength_of(source, code) == strength


def test_strength_follows_ratings():
    program = ProgramFactory()
    assert program.strength == EvidenceStrength.NOT_RATED
    weak = EvidenceRating.objects.create(
        program=program, source="crimesolutions", level="no_effects", url="https://x.org/1"
    )
    program.refresh_from_db()
    assert program.strength == EvidenceStrength.NOT_EFFECTIVE
    EvidenceRating.objects.create(
        program=program, source="blueprints", level="promising", url="https://x.org/2"
    )
    program.refresh_from_db()
    assert program.strength == EvidenceStrength.PROMISING
    EvidenceRating.objects.filter(program=program).exclude(pk=weak.pk).delete()
    program.refresh_from_db()
    assert program.strength == EvidenceStrength.NOT_EFFECTIVE
    weak.delete()
    program.refresh_from_db()
    assert program.strength == EvidenceStrength.NOT_RATED


def test_unknown_level_is_refused():
    rating = EvidenceRating(
        program=ProgramFactory(), source="blueprints", level="effective_single", url="https://x"
    )
    with pytest.raises(ValidationError):
        rating.full_clean()


def test_seed_rates_only_what_it_can_source(seeded):
    rated = Program.objects.exclude(strength=EvidenceStrength.NOT_RATED)
    assert set(rated.values_list("slug", flat=True)) == {
        "lifeskills-training",
        "nurse-family-partnership",
    }
    assert all(r.url.startswith("https://") for r in EvidenceRating.objects.all())
    for program in Program.objects.all():
        assert (
            program.summary_en and program.summary_fr and program.summary_en != program.summary_fr
        )
        assert program.topics.exists(), program.slug
        assert program.risk_factors.exists(), program.slug
    for figure in Program.objects.get(slug="perry-preschool").economics.all():
        assert figure.source and figure.currency and figure.year


def test_seed_loads_twice_without_duplicates(seeded):
    from prevnet.knowledge import seed

    counts = (Program.objects.count(), EvidenceRating.objects.count())
    seed.load()
    assert (Program.objects.count(), EvidenceRating.objects.count()) == counts


def test_programs_for_orders_by_strength(seeded):
    found = services.programs_for(topics=["substance-use"], risk_factors=[], limit=10)
    assert found[0].slug == "lifeskills-training"
    assert all(p.topics.filter(slug="substance-use").exists() for p in found)
    by_factor = services.programs_for(risk_factors=["harsh-parenting"])
    assert [p.slug for p in by_factor][0] == "nurse-family-partnership"
    assert "snap" in {p.slug for p in by_factor}
    assert len(services.programs_for(topics=["inner-cities"], limit=2)) == 2


def test_programs_for_skips_drafts(db):
    topic = Topic.objects.get(slug="youth-gang-violence")
    ProgramFactory(slug="hidden", status=Status.DRAFT).topics.add(topic)
    ProgramFactory(slug="shown").topics.add(topic)
    assert [p.slug for p in services.programs_for(topics=["youth-gang-violence"])] == ["shown"]
