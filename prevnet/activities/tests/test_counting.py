"""The programme's counts: each person, and each municipality, counted once."""

from __future__ import annotations

import datetime as dt

import pytest

from prevnet.activities import services
from prevnet.activities.models import Assessment, Exchange, TrainingModule
from prevnet.activities.tests.factories import ActivityFactory, RegistrationFactory
from prevnet.network.factories import MunicipalityFactory, PersonFactory, province

pytestmark = pytest.mark.django_db


def test_same_person_at_three_workshops_counts_once():
    person = PersonFactory()
    for day in (1, 2, 3):
        RegistrationFactory(
            person=person, activity=ActivityFactory(starts_on=dt.date(2025, 6, day))
        )
    other = RegistrationFactory(activity=ActivityFactory(starts_on=dt.date(2025, 6, 4))).person
    assert set(services.sensitized_people()) == {person, other}
    assert services.programme_counts()["sensitized"] == 2


def test_sensitized_needs_attendance_at_a_workshop_in_the_period():
    came = RegistrationFactory(activity=ActivityFactory(starts_on=dt.date(2025, 6, 1))).person
    RegistrationFactory(attended=False)  # registered, did not come
    RegistrationFactory(activity=ActivityFactory(type="municipal_meeting", online=True))
    RegistrationFactory(activity=ActivityFactory(starts_on=dt.date(2027, 1, 1)))
    got = services.sensitized_people(dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert list(got) == [came]


def test_counts_by_region_and_province_follow_where_people_are_from():
    quebec = MunicipalityFactory(province=province("QC"), csd_code="2400001")
    ontario_person = RegistrationFactory().person  # factory municipalities are in Ontario
    quebec_person = RegistrationFactory(person=PersonFactory(municipality=quebec)).person
    assert list(services.sensitized_people(province=province("QC"))) == [quebec_person]
    on_region = province("ON").region
    assert list(services.sensitized_people(region=on_region)) == [ontario_person]


def test_trained_to_standard_per_module_counts_a_person_once():
    planning, _c = TrainingModule.objects.get_or_create(subject="planning")
    evaluation, _c = TrainingModule.objects.get_or_create(subject="evaluation")
    quiz = Assessment.objects.create(module=planning, kind="assignment", rubric=[{"points": 10}])
    person = PersonFactory()
    for points in ([8], [9]):  # passed twice
        services.record_result(quiz, person, activity=None, points=points)
    services.record_result(quiz, PersonFactory(), activity=None, points=[2])  # failed
    assert services.trained_people(planning).count() == 1
    assert services.trained_people(evaluation).count() == 0
    assert services.programme_counts()["trained_by_module"]["planning"] == 1


def test_exchanges_and_new_municipalities_coached():
    a, b, c = MunicipalityFactory(), MunicipalityFactory(), MunicipalityFactory()
    for status in ("proposed", "approved", "reported"):
        act = ActivityFactory(type="exchange", place=b)
        Exchange.objects.create(activity=act, visiting=a, host=b, status=status)
    for day in (1, 2):  # two coaching visits, one municipality
        ActivityFactory(type="coaching", coached_municipality=c, starts_on=dt.date(2026, 5, day))
    counts = services.programme_counts()
    assert counts["exchanges"] == 2  # a proposal is not yet a project
    assert counts["coached_municipalities"] == 1


def test_figures_on_the_list_count_people_once_and_hide_small_counts(cast, settings):
    settings.PREVNET_PROGRAMME_START = "2025-04-01"
    people = [PersonFactory() for _i in range(6)]
    for day in (1, 2, 3):
        workshop = ActivityFactory(starts_on=dt.date(2025, 6, day))
        for person in people:
            RegistrationFactory(person=person, activity=workshop)
    staff = cast.client("staff").get("/en/activities/").content.decode()
    assert '<th scope="row">1</th><td class="number">6</td>' in staff
    trained = ActivityFactory(starts_on=dt.date(2026, 6, 1))
    RegistrationFactory(activity=trained)
    observer = cast.client("observer").get("/en/activities/").content.decode()
    assert '<th scope="row">1</th><td class="number">6</td>' in observer
    assert '<th scope="row">2</th><td class="number">fewer than 5</td>' in observer
    assert "The programme" not in cast.client("anonymous").get("/en/activities/").content.decode()
