"""The programs registry: per municipality, created and edited by staff and the municipality's
coordinator, with fundings saved together (or not at all)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from prevnet.network.factories import OrganizationFactory
from prevnet.programs.models import Funding, MunicipalProgram

pytestmark = pytest.mark.django_db


def form_data(**extra) -> dict:
    data = {
        "name": "Youth outreach",
        "description": "",
        "priority_problem": "Youth and gang violence",
        "started_on": "2025-09-01",
        "ended_on": "",
        "evaluation_status": "process",
        "indicators": "Youth contacted\nReferrals made",
        "fundings-TOTAL_FORMS": "2",
        "fundings-INITIAL_FORMS": "0",
        "fundings-MIN_NUM_FORMS": "0",
        "fundings-MAX_NUM_FORMS": "30",
        "fundings-0-funder_type": "federal",
        "fundings-0-funder_name": "NCPC",
        "fundings-0-amount": "180000",
        "fundings-0-year": "2025",
        "fundings-1-funder_type": "municipal",
        "fundings-1-amount": "60000.50",
        "fundings-1-year": "2025",
    }
    data.update(extra)
    return data


def test_coordinator_adds_a_program_with_fundings_and_partners(cast):
    partner = OrganizationFactory(municipality=cast.city_a, name="Youth Services Bureau")
    url = reverse("programs:program_create", args=[cast.city_a.pk])
    response = cast.client("coordinator_a").post(
        url, form_data(partners=[partner.pk], fostered_by_programme="on")
    )
    assert response.status_code == 302
    program = MunicipalProgram.objects.get()
    assert program.municipality == cast.city_a
    assert not program.fostered_by_programme  # staff's decision: the field is not offered
    assert list(program.partners.all()) == [partner]
    amounts = sorted(program.fundings.values_list("amount", flat=True))
    assert amounts == [Decimal("60000.50"), Decimal("180000")]
    page = cast.client("observer").get(program.get_absolute_url()).content.decode()
    assert "Youth Services Bureau" in page and "240,000.50" in page and "Referrals made" in page


def test_staff_mark_a_program_fostered(cast):
    url = reverse("programs:program_create", args=[cast.city_a.pk])
    cast.client("staff").post(url, form_data(fostered_by_programme="on"))
    assert MunicipalProgram.objects.get().fostered_by_programme


def test_other_coordinator_is_refused(cast):
    url = reverse("programs:program_create", args=[cast.city_a.pk])
    assert cast.client("coordinator_b").post(url, form_data()).status_code == 403
    assert not MunicipalProgram.objects.exists()


def test_a_bad_funding_leaves_nothing_written(cast):
    url = reverse("programs:program_create", args=[cast.city_a.pk])
    response = cast.client("coordinator_a").post(url, form_data(**{"fundings-1-amount": "-5"}))
    assert response.status_code == 200
    assert "An amount cannot be negative." in response.content.decode()
    response = cast.client("coordinator_a").post(url, form_data(**{"fundings-0-amount": "lots"}))
    assert response.status_code == 200
    assert not MunicipalProgram.objects.exists() and not Funding.objects.exists()


def test_end_before_start_and_missing_name(cast):
    url = reverse("programs:program_create", args=[cast.city_a.pk])
    response = cast.client("staff").post(url, form_data(ended_on="2020-01-01", name=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in html
    assert not MunicipalProgram.objects.exists()
    response = cast.client("staff").post(url, form_data(ended_on="2020-01-01"))
    assert "The end cannot be before the start." in response.content.decode()


def test_hostile_text_is_shown_as_text(cast):
    url = reverse("programs:program_create", args=[cast.city_a.pk])
    cast.client("staff").post(url, form_data(name="<script>alert(1)</script>"))
    program = MunicipalProgram.objects.get()
    html = cast.client("observer").get(program.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_edit_removes_a_funding(cast):
    program = MunicipalProgram.objects.create(municipality=cast.city_a, name="Hubs")
    funding = Funding.objects.create(program=program, funder_type="municipal", amount=10)
    data = form_data(
        name="Hubs",
        **{
            "fundings-TOTAL_FORMS": "1",
            "fundings-INITIAL_FORMS": "1",
            "fundings-0-id": str(funding.pk),
            "fundings-0-program": str(program.pk),
            "fundings-0-funder_type": "municipal",
            "fundings-0-amount": "10",
            "fundings-0-DELETE": "on",
        },
    )
    url = reverse("programs:program_edit", args=[program.pk])
    assert cast.client("coordinator_a").post(url, data).status_code == 302
    assert not Funding.objects.exists()


def test_list_filters_and_export(cast):
    MunicipalProgram.objects.create(municipality=cast.city_a, name="A", fostered_by_programme=True)
    MunicipalProgram.objects.create(
        municipality=cast.city_b, name="=cmd()", evaluation_status="outcome"
    )
    client = cast.client("anonymous")
    url = reverse("programs:program_list")
    assert len(client.get(url + "?fostered=yes").context["page"]) == 1
    assert len(client.get(url + "?evaluation=outcome").context["page"]) == 1
    assert client.get(url + "?evaluation=%3Cscript%3E").status_code == 200
    book = load_workbook(io.BytesIO(client.get(url + "?format=xlsx").content))
    names = [row[1] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["'=cmd()", "A"]


def test_municipality_page_lists_its_programs(cast):
    MunicipalProgram.objects.create(municipality=cast.city_a, name="Mine")
    MunicipalProgram.objects.create(municipality=cast.city_b, name="Theirs")
    url = reverse("programs:municipality_programs", args=[cast.city_a.pk])
    html = cast.client("anonymous").get(url).content.decode()
    assert "Mine" in html and "Theirs" not in html


def test_demo_loader_is_idempotent(db):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    count = MunicipalProgram.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    # The programs demo adds 5; other capabilities' demos may add their own (SROI's Edmonton hub).
    assert MunicipalProgram.objects.count() == count >= 5


def test_delete_program_with_its_fundings(cast):
    program = MunicipalProgram.objects.create(municipality=cast.city_a, name="Hubs")
    Funding.objects.create(program=program, funder_type="municipal", amount=10)
    url = reverse("programs:program_delete", args=[program.pk])
    assert cast.client("coordinator_b").post(url).status_code == 403
    assert MunicipalProgram.objects.exists()
    response = cast.client("coordinator_a").post(url)
    assert response.status_code == 302
    assert not MunicipalProgram.objects.exists() and not Funding.objects.exists()
    deleted = MunicipalProgram.history.filter(history_type="-").get()
    assert deleted.history_user == cast.users["coordinator_a"]
