"""Merging two records of the same person keeps all their history."""

from __future__ import annotations

import pytest

from prevnet.activities import merge, services
from prevnet.activities.models import (
    Assessment,
    Certificate,
    DelegationMember,
    Exchange,
    PersonMerge,
    Registration,
    TrainingModule,
)
from prevnet.activities.tests.factories import ActivityFactory, RegistrationFactory
from prevnet.network.factories import MunicipalityFactory, PersonFactory, UserFactory
from prevnet.network.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    city = MunicipalityFactory()
    keep = PersonFactory(first_name="Hélène", last_name="Côté", email="", municipality=city)
    dupe = PersonFactory(
        first_name="Helene", last_name="Cote", email="hc@example.org", municipality=city
    )
    return keep, dupe


def test_merge_keeps_every_attendance_result_certificate_and_delegation(pair):
    keep, dupe = pair
    staff = UserFactory(role="staff")
    shared = ActivityFactory()
    RegistrationFactory(activity=shared, person=keep, attended=False)
    RegistrationFactory(activity=shared, person=dupe, attended=True)  # same workshop, twice
    only_dupe = RegistrationFactory(person=dupe)
    module, _c = TrainingModule.objects.get_or_create(subject="planning")
    assessment = Assessment.objects.create(module=module, kind="assignment", rubric=[{"points": 4}])
    result, certificate = services.record_result(assessment, dupe, activity=None, points=[4])
    exchange_act = ActivityFactory(type="exchange")
    exchange = Exchange.objects.create(
        activity=exchange_act, visiting=MunicipalityFactory(), host=exchange_act.place
    )
    DelegationMember.objects.create(exchange=exchange, person=dupe, role="councillor")
    login = UserFactory()
    dupe.user = login
    dupe.save()

    record = merge.merge_people(keep, dupe, staff)

    assert not Person.objects.filter(pk=dupe.pk).exists()
    keep.refresh_from_db()
    regs = Registration.objects.filter(person=keep)
    assert regs.count() == 2
    assert regs.get(activity=shared).attended is True  # attendance folded, not lost
    assert regs.filter(pk=only_dupe.pk).exists()
    result.refresh_from_db()
    assert result.person == keep
    assert Certificate.objects.get(pk=certificate.pk).person == keep
    assert DelegationMember.objects.get(exchange=exchange).person == keep
    assert keep.user == login and keep.email == "hc@example.org"  # blanks filled
    assert services.sensitized_people().count() == 1  # two records were one person
    assert record.moved["activities.Registration"] == 1
    assert record.removed_snapshot["email"] == "hc@example.org"
    assert PersonMerge.objects.count() == 1
    # The edit history of both records says what happened, and who did it.
    assert keep.history.first().history_change_reason.endswith("merged into this one")
    deleted = Person.history.filter(id=dupe.pk, history_type="-").get()
    assert deleted.history_user == staff


def test_merge_moves_relations_it_does_not_know(pair, monkeypatch):
    """Relations come from Person._meta.related_objects: every one of them is repointed."""
    keep, dupe = pair
    RegistrationFactory(person=dupe)
    handled = []
    original = merge._repoint_fk

    def spy(rel, *args):
        handled.append(rel.related_model._meta.label)
        return original(rel, *args)

    monkeypatch.setattr(merge, "_repoint_fk", spy)
    merge.merge_people(keep, dupe)
    expected = {
        r.related_model._meta.label
        for r in Person._meta.related_objects
        if not r.many_to_many and not r.one_to_one and not merge._is_history(r.related_model)
    }
    assert set(handled) == expected
    assert "activities.Registration" in expected


def test_a_failing_merge_leaves_everything_as_it_was(pair, monkeypatch):
    keep, dupe = pair
    reg = RegistrationFactory(person=dupe)

    def boom(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge, "_fold", boom)
    monkeypatch.setattr(merge, "_repoint_m2m", boom)
    RegistrationFactory(person=keep, activity=reg.activity)  # forces a fold
    with pytest.raises(RuntimeError):
        merge.merge_people(keep, dupe)
    assert Person.objects.filter(pk=dupe.pk).exists()
    assert Registration.objects.filter(person=dupe).count() == 1
    assert not PersonMerge.objects.exists()


def test_a_person_cannot_be_merged_with_themself(pair):
    with pytest.raises(ValueError):
        merge.merge_people(pair[0], pair[0])


def test_likely_duplicates_finds_accents_and_same_email(pair):
    keep, dupe = pair
    PersonFactory(first_name="Zed", last_name="Other", email="HC@example.org")
    PersonFactory(first_name="Marc", last_name="Lavoie")
    pairs = merge.likely_duplicates()
    found = {frozenset((p.first.pk, p.second.pk)) for p in pairs}
    assert frozenset((keep.pk, dupe.pk)) in found
    assert any(p.reason == "same e-mail" for p in pairs)
    assert len(found) == 2


def test_merge_page_for_staff(cast, pair):
    keep, dupe = pair
    url = f"/en/activities/people/merge/{keep.pk}/{dupe.pk}/"
    assert cast.client("coordinator_a").post(url).status_code == 403
    assert Person.objects.filter(pk=dupe.pk).exists()
    response = cast.client("staff").get(url)
    assert "Helene" in response.content.decode()
    assert cast.client("staff").post(url).status_code == 302
    assert not Person.objects.filter(pk=dupe.pk).exists()
