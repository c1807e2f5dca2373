"""The SROI pages: results, editing with clear errors, templates, report, PDF, proxies."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from prevnet.sroi.models import Analysis, FinancialProxy, Outcome
from prevnet.sroi.tests.factories import municipal_program, template_program, worked_analysis


@pytest.fixture
def analysis(cast):
    return worked_analysis(municipal_program(cast.city_a), with_ranges=True)


def test_results_page_shows_the_worked_example(cast, analysis):
    html = cast.client("observer").get(analysis.get_absolute_url()).content.decode()
    assert "$14,239.07" in html  # PV of benefits
    assert "$15,000.00" in html and "−$760.93" in html
    assert "0.95 : 1" in html
    assert "$4,198.25" in html  # third year of the first outcome, discounted


def test_french_results_use_french_numbers(cast, analysis):
    html = cast.client("observer").get(f"/fr/sroi/{analysis.pk}/").content.decode()
    assert "14\xa0239,07\xa0$" in html
    assert "Carte d’impact" in html or "Carte d'impact" in html


def test_no_investment_says_so(cast, analysis):
    analysis.inputs.all().delete()
    html = cast.client("observer").get(analysis.get_absolute_url()).content.decode()
    assert "No investment is recorded" in html
    assert "not computed (no investment)" in html


def test_sensitivity_page_is_reproducible_with_a_seed(cast, analysis):
    url = reverse("sroi:sensitivity", args=[analysis.pk]) + "?draws=2000&seed=7"
    client = cast.client("observer")
    first, second = client.get(url).content.decode(), client.get(url).content.decode()
    assert "<svg" in first and "Benefits exceed costs in" in first
    assert (
        first.split("Benefits exceed costs in")[1][:12]
        == second.split("Benefits exceed costs in")[1][:12]
    )


def test_sensitivity_ignores_bad_options(cast, analysis):
    url = reverse("sroi:sensitivity", args=[analysis.pk]) + "?draws=999999999&seed=abc"
    response = cast.client("observer").get(url)
    assert response.status_code == 200
    assert "10,000 draws" in response.content.decode() or "10000 draws" in response.content.decode()


def test_pdf_report_in_both_languages(cast, analysis):
    client = cast.client("observer")
    for lang, words in (("en", ["Impact map", "14,239.07"]), ("fr", ["Carte", "14 239,07"])):
        response = client.get(f"/{lang}/sroi/{analysis.pk}/report.pdf")
        assert response["Content-Type"] == "application/pdf"
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        text = text.replace("\xa0", " ").replace("\u202f", " ")
        for word in words:
            assert word in text, (lang, word)


def test_outcome_form_names_each_missing_field(cast, analysis):
    url = reverse("sroi:part_create", args=[analysis.pk, "outcomes"])
    response = cast.client("coordinator_a").post(url, {"quantity": "abc", "deadweight": "150"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please correct the" in html
    assert "Enter a number." in html
    assert "Ensure this value is less than or equal to 100" in html
    assert "Enter it, or copy a proxy from the library." in html
    assert analysis.outcomes.count() == 2


def _outcome_data(analysis, **kw):
    data = {
        "stakeholder": analysis.stakeholders.first().pk, "description": "Fewer arrests",
        "indicator": "Arrests avoided", "quantity": "3", "duration": "2",
        "proxy_description": "", "value_per_unit": "", "proxy_source": "", "proxy_currency": "CAD",
        "proxy_year": "", "deadweight": "10", "attribution": "0", "displacement": "0",
        "drop_off": "0",
    }  # fmt: skip
    return {**data, **kw}


def test_a_copied_proxy_never_changes_with_the_library(cast, analysis):
    proxy = FinancialProxy.objects.create(
        name_en="Day in custody", name_fr="Jour de garde", unit_en="day", unit_fr="jour",
        value=D("500"), year=2024, source="Somewhere, 2024",
    )  # fmt: skip
    url = reverse("sroi:part_create", args=[analysis.pk, "outcomes"])
    data = _outcome_data(analysis, copy_from_library=proxy.pk)
    response = cast.client("coordinator_a").post(url, data)
    assert response.status_code == 302
    outcome = Outcome.objects.get(description="Fewer arrests")
    assert (outcome.value_per_unit, outcome.proxy_year, outcome.library_proxy) == (
        D("500"),
        2024,
        proxy,
    )
    proxy.value = D("900")
    proxy.save()
    outcome.refresh_from_db()
    assert outcome.value_per_unit == D("500")


def test_foreign_currency_is_refused_with_a_reason(cast, analysis):
    url = reverse("sroi:part_create", args=[analysis.pk, "outcomes"])
    data = _outcome_data(analysis, proxy_description="X", value_per_unit="10",
                         proxy_source="Y", proxy_year="2024", proxy_currency="USD")  # fmt: skip
    html = cast.client("coordinator_a").post(url, data).content.decode()
    assert "Only Canadian dollars (CAD) are calculated" in html


def test_range_out_of_order_is_refused(cast, analysis):
    url = reverse("sroi:part_create", args=[analysis.pk, "ranges"])
    outcome = analysis.outcomes.first()
    data = {
        "outcome": outcome.pk,
        "parameter": "deadweight",
        "low": "30",
        "likely": "20",
        "high": "10",
    }
    html = cast.client("coordinator_a").post(url, data).content.decode()
    assert "low ≤ likely ≤ high" in html
    data = {"outcome": outcome.pk, "parameter": "quantity", "low": "1", "likely": "2", "high": "3"}
    html = cast.client("coordinator_a").post(url, data).content.decode()
    assert "already has a range" in html
    data = {"parameter": "discount_rate", "low": "1", "likely": "2", "high": "3"}
    html = cast.client("coordinator_a").post(url, data).content.decode()
    assert "already has a range" in html
    assert analysis.ranges.count() == 2


def test_hostile_text_is_escaped(cast, analysis):
    url = reverse("sroi:part_create", args=[analysis.pk, "stakeholders"])
    cast.client("coordinator_a").post(url, {"name": "<script>alert(1)</script>"})
    html = cast.client("observer").get(analysis.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_create_from_a_template_copies_everything(cast):
    template = worked_analysis(template=template_program(), with_ranges=True)
    program = municipal_program(cast.city_a)
    data = {"title": "Our hub", "program": program.pk, "start_from": template.pk,
            "base_year": "2025", "discount_rate": "5"}  # fmt: skip
    response = cast.client("coordinator_a").post(reverse("sroi:analysis_create"), data)
    assert response.status_code == 302
    new = Analysis.objects.get(title="Our hub")
    assert (new.program, new.template_program) == (program, None)
    assert new.outcomes.count() == 2 and new.ranges.count() == 2 and new.stakeholders.count() == 2
    assert sorted(new.inputs.values_list("year", flat=True)) == [2025, 2026]


def test_coordinator_cannot_create_for_another_city(cast):
    other = municipal_program(cast.city_b)
    data = {"title": "X", "program": other.pk, "base_year": "2025", "discount_rate": "8"}
    response = cast.client("coordinator_a").post(reverse("sroi:analysis_create"), data)
    assert response.status_code == 200
    assert not Analysis.objects.exists()


def test_delete_is_post_only_and_for_editors(cast, analysis):
    output = analysis.outputs.first()
    url = reverse("sroi:part_delete", args=[analysis.pk, "outputs", output.pk])
    assert cast.client("coordinator_a").get(url).status_code == 405
    assert cast.client("coordinator_b").post(url).status_code == 403
    assert cast.client("anonymous").post(url).status_code == 302
    assert analysis.outputs.exists()
    assert cast.client("coordinator_a").post(url).status_code == 302
    assert not analysis.outputs.exists()


def test_stakeholder_with_outcomes_is_not_deleted(cast, analysis):
    stakeholder = analysis.stakeholders.first()
    url = reverse("sroi:part_delete", args=[analysis.pk, "stakeholders", stakeholder.pk])
    response = cast.client("coordinator_a").post(url, follow=True)
    assert "still has outcomes" in response.content.decode()
    assert analysis.stakeholders.filter(pk=stakeholder.pk).exists()


def test_unknown_part_is_404(cast, analysis):
    url = f"/en/sroi/{analysis.pk}/secrets/new/"
    assert cast.client("coordinator_a").get(url).status_code == 404


def test_proxy_library_edit_by_staff(cast):
    data = {"name_en": "ED visit", "name_fr": "Visite à l'urgence", "unit_en": "visit",
            "unit_fr": "visite", "value": "300", "currency": "CAD", "year": "2022",
            "source": "CIHI"}  # fmt: skip
    assert cast.client("staff").post(reverse("sroi:proxy_create"), data).status_code == 302
    assert FinancialProxy.objects.get().value == D("300")


def test_results_page_queries_do_not_grow_with_outcomes(
    cast, analysis, django_assert_max_num_queries
):
    client = cast.client("observer")
    client.get(analysis.get_absolute_url())  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        client.get(analysis.get_absolute_url())
    stakeholder = analysis.stakeholders.first()
    for n in range(8):
        analysis.outcomes.create(
            stakeholder=stakeholder, description=f"Extra {n}", indicator="i", quantity=1,
            duration=2, proxy_description="p", value_per_unit=10, proxy_source="s", proxy_year=2019,
        )  # fmt: skip
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(analysis.get_absolute_url()).status_code == 200


def test_too_large_amount_is_named(cast, analysis):
    url = reverse("sroi:part_create", args=[analysis.pk, "inputs"])
    data = {"year": "2024", "funder": "City", "funder_type": "municipal", "amount": "1" * 20}
    html = cast.client("coordinator_a").post(url, data).content.decode()
    assert "Ensure that there are no more than 14 digits in total." in html
    assert analysis.inputs.count() == 2


def test_proxy_without_cpi_is_left_out_with_a_message(cast, analysis):
    analysis.outcomes.filter(description="Noise").update(proxy_year=1995)
    html = cast.client("observer").get(analysis.get_absolute_url()).content.decode()
    assert "“Noise” is left out: no consumer price index for 1995." in html
    assert "$14,810.50" in html  # only the first outcome counts now


def test_templates_are_edited_by_staff_only(cast):
    template = worked_analysis(template=template_program())
    url = reverse("sroi:analysis_edit", args=[template.pk])
    assert cast.client("coordinator_a").get(url).status_code == 403
    assert cast.client("staff").get(url).status_code == 200
    assert cast.client("participant").get(template.get_absolute_url()).status_code == 200


def test_analysis_delete_is_post_only_and_for_editors(cast, analysis):
    url = reverse("sroi:analysis_delete", args=[analysis.pk])
    assert cast.client("coordinator_a").get(url).status_code == 405
    assert cast.client("coordinator_b").post(url).status_code == 403
    assert cast.client("observer").post(url).status_code == 403
    assert Analysis.objects.filter(pk=analysis.pk).exists()
    assert cast.client("coordinator_a").post(url).status_code == 302
    assert not Analysis.objects.filter(pk=analysis.pk).exists()


def test_deleting_the_program_is_not_blocked_by_its_analyses(cast, analysis):
    analysis.program.delete()
    assert not Analysis.objects.filter(pk=analysis.pk).exists()


def test_chart_labels_are_escaped(cast, analysis):
    analysis.outcomes.filter(description="Noise").update(description="<script>x</script>")
    analysis.ranges.all().delete()  # default ranges: every outcome gets tornado bars
    html = cast.client("observer").get(reverse("sroi:sensitivity", args=[analysis.pk])).content
    assert b"<script>x</script>" not in html
    assert b"&lt;script&gt;x&lt;/script&gt;" in html
    assert b"No uncertain assumption is recorded yet" in html
