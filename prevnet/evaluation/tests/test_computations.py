"""Each computation on hand-made data, with the expected numbers written here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from prevnet.evaluation import figures, seed
from prevnet.evaluation.computations import REGISTRY, Period, Where
from prevnet.evaluation.models import EnteredValue, Indicator
from prevnet.network.factories import MunicipalityFactory, province
from prevnet.network.models import EngagementEvent
from prevnet.programs.models import MunicipalProgram

pytestmark = pytest.mark.django_db

D = dt.date.fromisoformat


def y(year: int) -> Period:
    return figures.year_period(year)  # read at run time: the fixture sets the programme start


def engaged(city, kind, start, end=None):
    EngagementEvent.objects.create(
        municipality=city, kind=kind, started_on=D(start), ended_on=end and D(end)
    )


@pytest.fixture
def places():
    on1 = MunicipalityFactory(name="On One", province=province("ON"), csd_code="3500101")
    on2 = MunicipalityFactory(name="On Two", province=province("ON"), csd_code="3500102")
    qc1 = MunicipalityFactory(name="Qc One", province=province("QC"), csd_code="2400101")
    ns1 = MunicipalityFactory(name="Ns One", province=province("NS"), csd_code="1200101")
    return on1, on2, qc1, ns1


def engaged_value(period, where=None, dims=()):
    return REGISTRY["municipalities_engaged_ccss"].fn(period, where or Where(), dims)


def test_engaged_counts_municipalities_with_both_a_ccss_and_exchanging_on_the_last_day(places):
    on1, on2, qc1, ns1 = places
    engaged(on1, "ccss", "2019-01-01")
    engaged(on1, "exchanging", "2021-03-31")  # begins on year 1's last day: counts in year 1
    engaged(on2, "ccss", "2020-05-01")
    engaged(on2, "exchanging", "2021-04-01")  # begins on year 2's first day: not in year 1
    engaged(qc1, "ccss", "2020-01-01", "2021-03-31")  # ends on year 1's last day: not counted
    engaged(qc1, "exchanging", "2020-01-01")
    engaged(ns1, "ccss", "2020-01-01")  # a CCSS alone is not enough
    assert engaged_value(y(1)).total == 1  # on1
    assert engaged_value(y(2)).total == 2  # on1, on2
    assert engaged_value(y(3)).total == 2
    assert engaged_value(figures.programme_period()).total == 2  # a stock: on the last day


def test_engaged_ended_exchanging_drops_out(places):
    on1, *_ = places
    engaged(on1, "ccss", "2019-01-01")
    engaged(on1, "exchanging", "2019-01-01", "2022-01-01")
    assert (engaged_value(y(1)).total, engaged_value(y(2)).total, engaged_value(y(3)).total) == (
        1,
        0,
        0,
    )


def test_engaged_by_region_and_province_and_filtered(places):
    on1, on2, qc1, ns1 = places
    for city in (on1, on2, qc1):
        engaged(city, "ccss", "2019-01-01")
        engaged(city, "exchanging", "2019-01-01")
    value = engaged_value(y(1), dims=("region", "province"))
    assert value.total == 3
    assert dict(value.breakdown["region"]) == {"Quebec": 1, "Ontario": 2}
    assert dict(value.breakdown["province"]) == {"Ontario": 2, "Quebec": 1}
    ontario = on1.province
    assert engaged_value(y(1), Where(region=ontario.region_id)).total == 2
    assert engaged_value(y(1), Where(province=qc1.province_id)).total == 1
    assert engaged_value(y(1), Where(province=ns1.province_id)).total == 0


def test_engaged_before_the_period_starts_is_nothing(places, settings):
    on1, *_ = places
    engaged(on1, "ccss", "2019-01-01")
    engaged(on1, "exchanging", "2019-01-01")
    future = Period(
        dt.date.today() + dt.timedelta(days=10), dt.date.today() + dt.timedelta(days=40)
    )
    assert engaged_value(future).total == 0


def program(city, name, start, fostered=True, mainstreamed=False):
    return MunicipalProgram.objects.create(
        municipality=city,
        name=name,
        started_on=start and D(start),
        fostered_by_programme=fostered,
        is_mainstreamed=mainstreamed,
    )


def programs_value(period, where=None, dims=()):
    return REGISTRY["additional_programs"].fn(period, where or Where(), dims)


def test_additional_programs_counted_in_the_year_they_start(places):
    on1, on2, qc1, ns1 = places
    program(on1, "Before the programme", "2020-03-31")  # the day before year 1
    program(on1, "First day", "2020-04-01")
    program(on2, "Last day of year 1", "2021-03-31", mainstreamed=True)
    program(qc1, "Year 2", "2021-04-01")
    program(qc1, "Not fostered", "2021-05-01", fostered=False)
    program(ns1, "Year 3", "2023-03-31")
    program(ns1, "After", "2023-04-01")
    assert programs_value(y(1)).total == 2
    assert programs_value(y(2)).total == 1
    assert programs_value(y(3)).total == 1
    assert programs_value(figures.programme_period()).total == 4


def test_additional_programs_breakdowns(places):
    on1, on2, qc1, _ns1 = places
    program(on1, "A", "2020-05-01")
    program(on2, "B", "2020-06-01", mainstreamed=True)
    program(qc1, "C", "2020-07-01", mainstreamed=True)
    value = programs_value(y(1), dims=("region", "province", "kind"))
    assert dict(value.breakdown["region"]) == {"Quebec": 1, "Ontario": 2}
    assert [v for _label, v in value.breakdown["kind"]] == [1, 2]  # programs, mainstreamed
    assert programs_value(y(1), Where(province=qc1.province_id)).total == 1


def test_additional_program_without_start_counts_when_recorded(places):
    on1, *_ = places
    p = program(on1, "Undated", None)
    MunicipalProgram.objects.filter(pk=p.pk).update(
        created_at=dt.datetime(2021, 6, 1, 12, tzinfo=dt.UTC)
    )
    assert (programs_value(y(1)).total, programs_value(y(2)).total) == (0, 1)


def test_progress_of_computed_indicators_against_targets(places):
    on1, on2, *_ = places
    seed.load()
    for city in (on1, on2):
        engaged(city, "ccss", "2019-01-01")
        engaged(city, "exchanging", "2020-06-01")
    program(on1, "A", "2020-05-01")
    rows = {r.indicator.code: r for r in figures.progress(figures.programme_indicators())}
    assert rows["municipalities-engaged"].years[1].value == 2
    assert rows["municipalities-engaged"].total.target == 30
    assert rows["additional-programs"].total.value == 1
    assert rows["additional-programs"].total.percent == 3  # 1 of 30


def test_entered_values_by_year_and_place(places, cast):
    seed.load()
    indicator = Indicator.objects.get(code="publications")
    qc = province("QC")
    for year, value, prov in ((1, "3", None), (1, "2", qc), (2, "4", None)):
        EnteredValue.objects.create(
            indicator=indicator,
            year=year,
            value=Decimal(value),
            province=prov,
            evidence_link="https://example.org/brief",
        )
    row = figures.progress([indicator])[0]
    assert (row.years[1].value, row.years[2].value, row.years[3].state) == (5, 4, figures.NO_DATA)
    assert row.total.value == 9  # cumulative
    quebec = figures.progress([indicator], Where(province=qc.pk))[0]
    assert (quebec.years[1].value, quebec.total.value) == (2, 2)
    indicator.cumulative = False
    assert figures.progress([indicator])[0].total.value == 4  # the latest year's


@pytest.mark.django_db
def test_yearly_program_counts_add_up_to_the_programme_and_to_the_breakdowns(places):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    days = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2024, 12, 31))

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.sampled_from(range(4)), days, st.booleans()), max_size=12))
    def check(rows):
        MunicipalProgram.objects.all().delete()
        for n, (place, day, mainstreamed) in enumerate(rows):
            program(places[place], f"P{n}", day.isoformat(), mainstreamed=mainstreamed)
        yearly = [programs_value(y(n), dims=("region", "kind")) for n in (1, 2, 3)]
        total = programs_value(figures.programme_period())
        assert sum(v.total for v in yearly) == total.total
        inside = [d for _p, d, _m in rows if dt.date(2020, 4, 1) <= d <= dt.date(2023, 3, 31)]
        assert total.total == len(inside)
        for value in yearly:
            assert sum(v for _label, v in value.breakdown["region"]) == value.total
            assert sum(v for _label, v in value.breakdown["kind"]) == value.total

    check()


def test_count_people_helper_for_the_people_based_computations(places):
    from prevnet.evaluation.computations import count_people, people_records
    from prevnet.network.factories import PersonFactory
    from prevnet.network.models import Person

    on1, on2, qc1, _ns1 = places
    PersonFactory(municipality=on1, position_type="councillor", last_name="Adams")
    PersonFactory(municipality=on2, position_type="police", last_name="Brown")
    PersonFactory(municipality=qc1, position_type="councillor", last_name="Côté")
    PersonFactory(municipality=None, position_type="practitioner", last_name="Nowhere")
    # The same person twice in the queryset (two workshops) is one person.
    twice = Person.objects.filter(last_name__in=["Adams", "Brown", "Côté", "Nowhere"]) | (
        Person.objects.filter(last_name="Adams")
    )
    value = count_people(twice, ("region", "province", "position_type"))
    assert value.total == 4
    assert dict(value.breakdown["position_type"]) == {
        "City councillor": 2,
        "Police": 1,
        "Practitioner": 1,
    }
    assert dict(value.breakdown["region"]) == {"Quebec": 1, "Ontario": 2, "—": 1}
    headers, rows = people_records(twice)
    assert [r[0][0].split()[-1] for r in rows] == ["Adams", "Brown", "Côté", "Nowhere"]
    assert headers[0] == "Name" and rows[3][2] == "—"


def test_engaged_also_by_the_latest_outcome_questionnaire(places):
    from django.utils import timezone

    from prevnet.questionnaires import services
    from prevnet.questionnaires.models import Submission, SubmissionStatus
    from prevnet.questionnaires.tests.factories import published, small_form

    on1, on2, qc1, ns1 = places
    engaged(on1, "ccss", "2019-01-01")
    engaged(on1, "exchanging", "2019-01-01")  # by the registry
    engaged(ns1, "ccss", "2020-01-01")  # the registry alone: a CCSS, no exchanging
    version = published(small_form("outcome", "t1"))
    campaign = services.open_campaign(
        version, "year1", opens_on=D("2020-05-01"), closes_on=D("2021-03-31"), municipalities=places
    )

    def answer(city, day, uses, exchanges, status=SubmissionStatus.SUBMITTED):
        at = timezone.make_aware(dt.datetime.fromisoformat(f"{day}T12:00"))
        Submission.objects.create(
            campaign=campaign,
            version=version,
            municipality=city,
            answers={"uses_ccss": uses, "exchanges_ccss": exchanges},
            status=status,
            submitted_at=at,
        )

    answer(ns1, "2020-10-01", "yes", "yes")  # says both: counts
    answer(qc1, "2020-06-01", "yes", "yes")
    answer(qc1, "2021-02-01", "yes", "no")  # its latest answer stopped exchanging: not counted
    answer(on2, "2020-07-01", "yes", "yes", status=SubmissionStatus.DRAFT)  # a draft: not counted
    answer(on2, "2021-04-02", "yes", "yes")  # after year 1: counts from year 2
    answer(qc1, "2021-06-01", "yes", "yes")  # the same moment twice: the later record wins
    answer(qc1, "2021-06-01", "no", "no")
    assert engaged_value(y(1)).total == 2  # on1 (registry), ns1 (questionnaire)
    assert engaged_value(y(2)).total == 3  # and on2 (qc1's latest record says no)
    assert engaged_value(y(1), Where(province=ns1.province_id)).total == 1
