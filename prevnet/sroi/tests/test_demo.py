"""The proxy seed and the demo loader."""

from __future__ import annotations

from decimal import Decimal as D

from django.core.management import call_command

from prevnet.network.factories import MunicipalityFactory
from prevnet.sroi import demo
from prevnet.sroi.calculation import ratio
from prevnet.sroi.models import Analysis, FinancialProxy
from prevnet.sroi.services import results_of


def test_load_proxies_is_idempotent_and_cites_every_figure(db, capsys):
    call_command("load_proxies")
    call_command("load_proxies")
    assert "0 created, 0 corrected" in capsys.readouterr().out
    for proxy in FinancialProxy.objects.all():
        assert proxy.source and proxy.year
        assert proxy.is_illustrative == proxy.source.startswith("Illustrative")


def test_demo_reproduces_the_shape_of_reach_edmonton(db):
    MunicipalityFactory(name="Edmonton", csd_code="4811061")
    demo.load()
    demo.load()
    analysis = Analysis.objects.get(title=demo.DEMO_TITLE)
    assert Analysis.objects.count() == 2  # the template and Edmonton's, once each
    results, problems = results_of(analysis)
    assert problems == []
    assert ratio(results.sroi_ratio) == D("4.60")  # the published ratio, with invented inputs
    assert "Illustrative" in analysis.scope
