"""The activity-based computations on hand-made data, the expected numbers written here.

Year 1 = 2020-04-01 to 2021-03-31, year 2 = 2021-04-01 to 2022-03-31 (see conftest)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from prevnet.activities.models import (
    Activity,
    Assessment,
    AssessmentResult,
    Exchange,
    Registration,
    TrainingModule,
)
from prevnet.evaluation import figures, seed
from prevnet.evaluation.computations import REGISTRY, Where
from prevnet.evaluation.models import Indicator
from prevnet.network.factories import MunicipalityFactory, PersonFactory, province

pytestmark = pytest.mark.django_db

D = dt.date.fromisoformat


def y(year: int):
    return figures.year_period(year)


def value(name, period, where=None, dims=()):
    return REGISTRY[name].fn(period, where or Where(), tuple(dims))


@pytest.fixture
def places():
    on1 = MunicipalityFactory(name="On One", province=province("ON"), csd_code="3500101")
    on2 = MunicipalityFactory(name="On Two", province=province("ON"), csd_code="3500102")
    qc1 = MunicipalityFactory(name="Qc One", province=province("QC"), csd_code="2400101")
    ns1 = MunicipalityFactory(name="Ns One", province=province("NS"), csd_code="1200101")
    return on1, on2, qc1, ns1


def activity(kind, day, place, **extra):
    return Activity.objects.create(
        type=kind, title=f"{kind} {day}", starts_on=D(day), place=place, **extra
    )


def came(person, act, attended=True):
    Registration.objects.create(person=person, activity=act, attended=attended)


@pytest.fixture
def workshops(places):
    on1, on2, qc1, ns1 = places
    p1 = PersonFactory(municipality=on1, position_type="councillor", last_name="Adams")
    p2 = PersonFactory(municipality=on2, position_type="police", last_name="Brown")
    p3 = PersonFactory(municipality=qc1, position_type="councillor", last_name="Côté")
    p4 = PersonFactory(municipality=ns1, last_name="Absent")
    p5 = PersonFactory(municipality=qc1, last_name="Trainee")
    p6 = PersonFactory(municipality=on1, last_name="Early")
    first_day = activity("workshop", "2020-04-01", on1)
    came(p1, first_day)
    came(p1, activity("workshop", "2020-09-01", on2))  # the same person twice in year 1
    came(p2, activity("workshop", "2021-03-31", on2))  # year 1's last day
    year2 = activity("workshop", "2021-04-01", qc1)  # year 2's first day
    came(p3, year2)
    came(p1, year2)
    came(p4, activity("workshop", "2020-06-01", ns1), attended=False)  # registered, absent
    module, _c = TrainingModule.objects.get_or_create(subject="planning")
    came(p5, activity("training", "2020-06-01", qc1, module=module))  # a training, not a workshop
    came(p6, activity("workshop", "2020-03-31", on1))  # the day before the programme
    return p1, p2, p3


def test_sensitized_counts_each_person_once_per_period(workshops):
    name = "unique_stakeholders_sensitized"
    assert value(name, y(1)).total == 2  # Adams (twice), Brown
    assert value(name, y(2)).total == 2  # Côté, Adams again
    assert value(name, y(3)).total == 0
    assert value(name, figures.programme_period()).total == 3  # Adams once over the programme


def test_sensitized_breakdowns_and_filters(workshops):
    name = "unique_stakeholders_sensitized"
    got = value(name, y(1), dims=("region", "province", "position_type"))
    assert dict(got.breakdown["region"]) == {"Ontario": 2}
    assert dict(got.breakdown["position_type"]) == {"City councillor": 1, "Police": 1}
    quebec = province("QC")
    assert value(name, figures.programme_period(), Where(province=quebec.pk)).total == 1
    assert value(name, y(1), Where(region=province("ON").region_id)).total == 2
    assert value(name, y(1), Where(region=quebec.region_id)).total == 0


def test_sensitized_records_list_the_people_counted(workshops):
    headers, rows = REGISTRY["unique_stakeholders_sensitized"].records(y(1), Where())
    assert [r[0][0].split()[-1] for r in rows] == ["Adams", "Brown"]
    assert REGISTRY["unique_stakeholders_sensitized"].personal


def result(person, module, day, passed=True):
    assessment, _c = Assessment.objects.get_or_create(module=module, defaults={"kind": "quiz"})
    AssessmentResult.objects.create(
        assessment=assessment,
        person=person,
        score=90 if passed else 10,
        passed=passed,
        taken_on=D(day),
    )


def test_trained_to_standard_per_period_and_module(places):
    on1, _on2, qc1, ns1 = places
    planning, _c = TrainingModule.objects.get_or_create(subject="planning")
    evaluation, _c = TrainingModule.objects.get_or_create(subject="evaluation")
    t1 = PersonFactory(municipality=on1)
    t2 = PersonFactory(municipality=qc1)
    result(t1, planning, "2020-04-01")
    result(t1, evaluation, "2020-05-01")  # two modules: one person
    result(t2, planning, "2021-03-31")
    result(t2, planning, "2021-04-01")  # passed again in year 2
    result(PersonFactory(municipality=ns1), planning, "2020-06-01", passed=False)
    result(PersonFactory(municipality=ns1), planning, "2020-03-31")  # before the programme
    name = "people_trained_to_standard"
    got = value(name, y(1), dims=("module", "region"))
    assert got.total == 2
    assert dict(got.breakdown["module"]) == {
        "Project development and evaluation": 1,
        "Community mobilization and partnerships": 0,
        "Planning community safety": 2,
    }
    assert dict(got.breakdown["region"]) == {"Quebec": 1, "Ontario": 1}
    assert value(name, y(2)).total == 1
    assert value(name, figures.programme_period()).total == 2
    assert value(name, y(1), Where(region=province("QC").region_id)).total == 1
    assert value(name, y(1), Where(province=province("NS").pk)).total == 0


def exchange(visiting, host, day, status):
    act = activity("exchange", day, host)
    return Exchange.objects.create(activity=act, visiting=visiting, host=host, status=status)


def test_coaching_mentoring_projects_are_exchanges_beyond_a_proposal(places):
    on1, on2, qc1, ns1 = places
    exchange(on1, qc1, "2020-04-01", "approved")
    exchange(qc1, on2, "2021-03-31", "reported")
    exchange(on2, ns1, "2020-06-01", "proposed")  # not a project yet
    exchange(ns1, on1, "2021-04-01", "visit_done")
    name = "coaching_mentoring_projects"
    got = value(name, y(1), dims=("region", "province"))
    assert got.total == 2
    assert dict(got.breakdown["region"]) == {"Quebec": 1, "Ontario": 1}  # the visiting city's
    assert value(name, y(2)).total == 1
    assert value(name, figures.programme_period()).total == 3
    assert value(name, figures.programme_period(), Where(province=on1.province_id)).total == 1
    headers, rows = REGISTRY[name].records(y(1), Where())
    assert [r[1][0] for r in rows] == ["On One", "Qc One"] and not REGISTRY[name].personal


def coaching(city, day):
    activity("coaching", day, city, coached_municipality=city)


def test_new_municipalities_coached_counts_the_first_coaching(places):
    on1, on2, qc1, ns1 = places
    coaching(on1, "2020-04-01")
    coaching(on1, "2021-06-01")  # coached again: not new in year 2
    coaching(qc1, "2021-03-31")
    coaching(ns1, "2020-03-31")  # first coached before the programme: never new in it
    coaching(ns1, "2021-05-01")
    coaching(on2, "2022-04-01")
    name = "new_municipalities_coached"
    years = [value(name, y(n)).total for n in (1, 2, 3)]
    assert years == [2, 0, 1]
    assert value(name, figures.programme_period()).total == 3 == sum(years)
    assert dict(value(name, y(1), dims=("province",)).breakdown["province"]) == {
        "Ontario": 1,
        "Quebec": 1,
    }
    assert value(name, y(1), Where(province=qc1.province_id)).total == 1
    assert value(name, y(2), Where(province=ns1.province_id)).total == 0
    headers, rows = REGISTRY[name].records(y(1), Where())
    assert [r[0][0] for r in rows] == ["On One", "Qc One"]


def test_progress_shows_the_activity_indicators_against_targets(workshops):
    seed.load()
    rows = {r.indicator.code: r for r in figures.progress(figures.programme_indicators())}
    sensitized = rows["stakeholders-sensitized"]
    assert not sensitized.not_available
    assert (sensitized.years[1].value, sensitized.years[1].target) == (2, 500)
    assert sensitized.total.value == 3 and sensitized.total.target == 500
    assert rows["coaching-projects"].total.value == 0


def test_drill_down_of_people_for_staff_only(workshops, cast):
    seed.load()
    indicator = Indicator.objects.get(code="stakeholders-sensitized")
    url = reverse("evaluation:indicator_records", args=[indicator.pk]) + "?period=1"
    html = cast.client("staff").get(url).content.decode()
    assert "Adams" in html and "Brown" in html and "Côté" not in html
    for who in ("observer", "coordinator_a", "participant"):
        assert cast.client(who).get(url).status_code in (403, 404)
    detail = reverse("evaluation:indicator_detail", args=[indicator.pk])
    observer = cast.client("observer").get(detail + "?period=1").content.decode()
    assert "Adams" not in observer and "By position" in observer
