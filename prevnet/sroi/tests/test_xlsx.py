"""The workbook's live formulas give the service's numbers."""

from __future__ import annotations

import io
from decimal import Decimal as D

import openpyxl
import pytest

from prevnet.sroi.calculation import money
from prevnet.sroi.services import results_of
from prevnet.sroi.tests.factories import municipal_program, worked_analysis
from prevnet.sroi.tests.formula import Workbook
from prevnet.sroi.xlsx import xlsx_bytes


def evaluated(analysis):
    return Workbook(openpyxl.load_workbook(io.BytesIO(xlsx_bytes(analysis))))


@pytest.mark.parametrize("proxy_year", [2024, 2019], ids=["same year", "inflated from 2019"])
def test_formulas_give_the_service_numbers(cast, proxy_year):
    analysis = worked_analysis(municipal_program(cast.city_a), proxy_year=proxy_year)
    results, _problems = results_of(analysis)
    book = evaluated(analysis)
    value = lambda cell: book.value("Results", cell)  # noqa: E731
    assert money(value("B1")) == money(results.pv_benefits)
    assert money(value("B2")) == money(results.pv_investment) == D("15000.00")
    assert money(value("B3")) == money(results.npv)
    assert money(value("B4")) == money(results.sroi_ratio)
    assert money(value("B6")) == money(results.payback_months)
    for row, outcome in enumerate(results.outcomes, start=2):
        assert money(book.value("Impact map", f"O{row}")) == money(outcome.impact)
    if proxy_year == 2024:
        assert money(value("B1")) == D("14239.07")
    else:  # $1,000 of 2019 = 1,000 × 160.9 / 136.0 in 2024 dollars
        assert money(book.value("Impact map", "I2")) == D("1183.09")


def test_no_investment_leaves_the_ratio_empty(cast):
    analysis = worked_analysis(municipal_program(cast.city_a))
    analysis.inputs.all().delete()
    book = evaluated(analysis)
    assert book.value("Results", "B4") == ""
    assert book.value("Results", "B6") == ""


def test_hostile_text_is_not_a_formula(cast):
    analysis = worked_analysis(municipal_program(cast.city_a))
    analysis.outcomes.filter(description="Noise").update(description='=HYPERLINK("http://x")')
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(analysis)))
    cells = [c.value for row in wb["Impact map"].iter_rows() for c in row]
    assert '\'=HYPERLINK("http://x")' in cells
