"""The dashboard and indicator pages: figures against targets, filters, constant query count,
aggregates only for non-staff."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from prevnet.activities.models import (
    Activity,
    Assessment,
    AssessmentResult,
    Exchange,
    Registration,
    TrainingModule,
)
from prevnet.evaluation import seed
from prevnet.evaluation.models import EnteredValue, Indicator
from prevnet.network.factories import MunicipalityFactory, PersonFactory, UserFactory, province
from prevnet.network.models import EngagementEvent
from prevnet.programs.models import MunicipalProgram

URL = reverse("evaluation:dashboard")


def add_data(n: int, offset: int = 0):
    """Per city: engagement, a fostered program, and one of everything the activity-based
    indicators count (a workshop attended, a passed assessment, an exchange, direct coaching)."""
    module, _c = TrainingModule.objects.get_or_create(subject="planning")
    assessment, _c = Assessment.objects.get_or_create(module=module, defaults={"kind": "quiz"})
    host = MunicipalityFactory(province=province("ON"), csd_code=f"35{offset:05d}")
    for i in range(n):
        city = MunicipalityFactory(province=province("QC"), csd_code=f"24{offset + i:05d}")
        EngagementEvent.objects.create(
            municipality=city, kind="ccss", started_on=dt.date(2020, 5, 1)
        )
        EngagementEvent.objects.create(
            municipality=city, kind="exchanging", started_on=dt.date(2020, 5, 1)
        )
        MunicipalProgram.objects.create(
            municipality=city,
            name=f"P{i}",
            started_on=dt.date(2021, 5, 1),
            fostered_by_programme=True,
        )
        person = PersonFactory(municipality=city)
        day = dt.date(2020, 6, 1)
        workshop = Activity.objects.create(type="workshop", title="W", starts_on=day, place=city)
        Registration.objects.create(activity=workshop, person=person, attended=True)
        AssessmentResult.objects.create(
            assessment=assessment, person=person, score=90, passed=True, taken_on=day
        )
        visit = Activity.objects.create(type="exchange", title="E", starts_on=day, place=host)
        Exchange.objects.create(activity=visit, visiting=city, host=host, status="approved")
        Activity.objects.create(
            type="coaching", title="C", starts_on=day, place=city, coached_municipality=city
        )


def queries(client, url=URL) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_data(cast, django_assert_max_num_queries):
    seed.load()
    client = cast.client("staff")
    add_data(2)
    small = queries(client)
    small_filtered = queries(client, URL + "?region=quebec&province=QC")
    add_data(40, offset=100)
    assert queries(client) == small
    with django_assert_max_num_queries(small_filtered):
        client.get(URL + "?region=quebec&province=QC")


def test_dashboard_shows_values_against_targets(cast):
    seed.load()
    add_data(3)
    html = cast.client("observer").get(URL).content.decode()
    assert "Municipalities exchanging and engaged in a CCSS" in html
    assert "<svg" in html and "3 / 30" in html  # the programme's bar: 3 of the target 30
    assert ">3<" in html  # engaged, year 1 value in the text table
    assert "Unique municipal stakeholders sensitized" in html
    # Every seed indicator is computed or entered now: none says "not available".
    assert "Not available yet" not in html


def test_filter_by_province(cast):
    seed.load()
    add_data(3)
    response = cast.client("staff").get(URL + "?province=ON")
    row = next(
        r for r, _chart in response.context["rows"] if r.indicator.code == "municipalities-engaged"
    )
    assert row.years[1].value == 0
    response = cast.client("staff").get(URL + "?province=QC")
    row = next(
        r for r, _chart in response.context["rows"] if r.indicator.code == "municipalities-engaged"
    )
    assert row.years[1].value == 3


def test_bad_filter_values_are_ignored(cast):
    seed.load()
    assert cast.client("staff").get(URL + "?province=%3Cscript%3E&region=zz").status_code == 200


def test_observer_sees_aggregates_and_no_personal_data(cast):
    seed.load()
    indicator = Indicator.objects.get(code="publications")
    entrant = UserFactory(
        username="entrant", first_name="Zoé", last_name="Secretname", role="staff"
    )
    EnteredValue.objects.create(
        indicator=indicator,
        year=1,
        value=4,
        evidence_link="https://example.org/x",
        entered_by=entrant,
    )
    detail = reverse("evaluation:indicator_detail", args=[indicator.pk])
    staff_html = cast.client("staff").get(detail).content.decode()
    assert "Secretname" in staff_html
    for who in ("observer", "participant", "coordinator_a"):
        html = cast.client(who).get(detail).content.decode()
        assert "Secretname" not in html and "example.org/x" not in html
        assert ">4<" in html  # the total is there
        assert "Secretname" not in cast.client(who).get(URL).content.decode()


def test_personal_drill_down_is_for_staff_only(cast):
    seed.load()
    # A computation whose records are people (registered now, computed after the merge).
    indicator = Indicator.objects.get(code="stakeholders-sensitized")
    url = reverse("evaluation:indicator_records", args=[indicator.pk])
    assert cast.client("observer").get(url).status_code in (403, 404)


def test_drill_down_lists_the_municipalities_counted(cast):
    seed.load()
    add_data(2)
    indicator = Indicator.objects.get(code="municipalities-engaged")
    url = reverse("evaluation:indicator_records", args=[indicator.pk]) + "?period=1"
    response = cast.client("observer").get(url)
    assert len(response.context["rows"]) == 2


def test_staff_set_targets_and_see_progress(cast):
    seed.load()
    add_data(3)
    indicator = Indicator.objects.get(code="municipalities-engaged")
    url = reverse("evaluation:indicator_edit", args=[indicator.pk])
    form = cast.client("staff").get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "disaggregations"}
    data.update({"target_1": "20", "target_2": "25", "target_3": "", "disaggregations": ["region"]})
    data["baseline_date"] = "2020-04-01"
    response = cast.client("staff").post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    targets = dict(indicator.year_targets.values_list("year", "value"))
    assert targets == {1: 20, 2: 25}
    html = cast.client("staff").get(URL).content.decode()
    assert "15 %" in html  # 3 of 20 in year 1


def test_coordinator_cannot_edit_programme_indicators(cast):
    seed.load()
    indicator = Indicator.objects.get(code="municipalities-engaged")
    url = reverse("evaluation:indicator_edit", args=[indicator.pk])
    assert cast.client("coordinator_a").post(url, {"target_1": "1"}).status_code == 403


def test_entered_value_needs_evidence_and_refuses_computed(cast):
    seed.load()
    entered = Indicator.objects.get(code="publications")
    url = reverse("evaluation:value_create", args=[entered.pk])
    response = cast.client("staff").post(url, {"year": "1", "value": "2"})
    assert response.status_code == 200
    assert "Give the evidence" in response.content.decode()
    assert not EnteredValue.objects.exists()
    response = cast.client("staff").post(url, {"year": "1", "value": "abc", "evidence_link": "x"})
    assert response.status_code == 200 and not EnteredValue.objects.exists()
    response = cast.client("staff").post(
        url, {"year": "1", "value": "2", "evidence_link": "https://example.org/brief.pdf"}
    )
    assert response.status_code == 302
    computed = Indicator.objects.get(code="additional-programs")
    url = reverse("evaluation:value_create", args=[computed.pk])
    assert cast.client("staff").get(url).status_code == 404


def test_evidence_file_too_large_or_wrong_type(cast, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from prevnet.evaluation import forms

    seed.load()
    entered = Indicator.objects.get(code="publications")
    url = reverse("evaluation:value_create", args=[entered.pk])
    exe = SimpleUploadedFile("virus.exe", b"MZ")
    response = cast.client("staff").post(url, {"year": "1", "value": "1", "evidence_file": exe})
    assert "Upload a document or an image" in response.content.decode()
    big = SimpleUploadedFile("big.pdf", b"x" * (forms.MAX_EVIDENCE_BYTES + 1))
    response = cast.client("staff").post(url, {"year": "1", "value": "1", "evidence_file": big})
    assert "too large" in response.content.decode()
    ok = SimpleUploadedFile("brief.pdf", b"%PDF-1.4 brief")
    response = cast.client("staff").post(url, {"year": "1", "value": "1", "evidence_file": ok})
    assert response.status_code == 302
    entry = EnteredValue.objects.get()
    assert entry.evidence_file.name.endswith(".pdf")
    detail = cast.client("staff").get(reverse("evaluation:indicator_detail", args=[entered.pk]))
    link = reverse("evaluation:evidence_file", args=[entry.pk])
    assert link in detail.content.decode()
    download = cast.client("staff").get(link)
    assert b"".join(download.streaming_content) == b"%PDF-1.4 brief"
    assert cast.client("observer").get(link).status_code == 403


def test_dashboard_export_csv(cast):
    import csv
    import io

    seed.load()
    add_data(3)
    response = cast.client("observer").get(URL + "?province=QC&format=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Indicator", "Period", "Value", "Target", "Progress (%)"]
    engaged = [r for r in rows if r[0] == "Municipalities exchanging and engaged in a CCSS"]
    assert engaged[0][1:3] == ["Year 1", "3"]
    assert engaged[-1] == [
        "Municipalities exchanging and engaged in a CCSS",
        "Programme",
        "3",
        "30",
        "10",
    ]
    sensitized = [r for r in rows if r[0] == "Unique municipal stakeholders sensitized"]
    assert sensitized[0][2] == "3"  # the three Quebec people, each at one workshop in year 1
