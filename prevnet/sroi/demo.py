"""Demo SROI data: the proxy library, a template and an Edmonton analysis.

The Edmonton analysis reproduces the *shape* of REACH Edmonton's Schools as Community Hubs
SROI (stakeholders: students, families, schools, the justice system; a published result of
$4.60 of social value per $1 invested). Every input, quantity, proxy and adjustment here is
illustrative, chosen so the ratio lands near theirs: they are not REACH Edmonton's figures, and
the analysis says so in its scope. Idempotent: what exists (by title) is left as it is.
"""

from __future__ import annotations

from decimal import Decimal as D

from django.db import transaction

from prevnet.knowledge.models import Program
from prevnet.network.models import Municipality
from prevnet.programs.models import FunderType, MunicipalProgram
from prevnet.sroi.models import Analysis, FinancialProxy, Range
from prevnet.sroi.proxies import load_proxies
from prevnet.sroi.services import copy_analysis, copy_proxy

TEMPLATE_TITLE = "Schools as community hubs (template)"
DEMO_TITLE = "Schools as Community Hubs: SROI (demo)"
SCOPE = (
    "Illustrative demo. The shape follows REACH Edmonton's Schools as Community Hubs SROI, "
    "which reported $4.60 of social value per $1 invested; the figures below are invented for "
    "the demo, not theirs. Three years of after-school programs in inner-city schools."
)

# stakeholder, outcome, indicator, quantity, years, library proxy (name_en) or own value,
# deadweight, attribution, displacement, drop-off
OUTCOMES = [
    ("Students", "Students stay in school", "Students at risk who finish the year",
     "50", 3, "Youth not finishing high school (yearly cost to society)", 25, 30, 0, 20),
    ("Students", "Fewer youth in custody", "Custody days avoided", "600", 2,
     "Day in youth custody", 40, 30, 0, 30),
    ("Families", "Families connected to supports", "Families using the hub's services", "120", 2,
     "Family that stays connected to supports (yearly value)", 30, 25, 0, 25),
    ("Community", "Fewer break-ins near the schools", "Break and enters avoided", "20", 2,
     "Break and enter (cost to victims and the justice system)", 50, 40, 20, 50),
    ("Community", "Fewer emergency visits for youth injuries", "Visits avoided", "60", 1,
     "Emergency department visit", 40, 50, 0, 0),
]  # fmt: skip


def _build_template(program: Program) -> Analysis:
    analysis = Analysis.objects.create(
        title=TEMPLATE_TITLE, template_program=program, base_year=2016,
        discount_rate=D("3.5"), scope=SCOPE, is_demo=True,
    )  # fmt: skip
    stakeholders = {}
    for name in ("Students", "Families", "Community"):
        stakeholders[name] = analysis.stakeholders.create(name=name)
    analysis.inputs.create(year=2016, funder="Safe Communities Innovation Fund (illustrative)",
                           funder_type=FunderType.PROVINCIAL, amount=D(150000))  # fmt: skip
    analysis.inputs.create(year=2016, funder="School boards: space and staff time (illustrative)",
                           funder_type=FunderType.OTHER, amount=D(40000), in_kind=True)  # fmt: skip
    analysis.outputs.create(stakeholder=stakeholders["Students"], description="Students in "
                            "after-school programs", quantity=D(450), unit="students")  # fmt: skip
    for stake, text, indicator, qty, years, proxy_name, dw, at, dp, do in OUTCOMES:
        outcome = analysis.outcomes.model(
            analysis=analysis, stakeholder=stakeholders[stake], description=text,
            indicator=indicator, quantity=D(qty), duration=years, deadweight=D(dw),
            attribution=D(at), displacement=D(dp), drop_off=D(do),
        )  # fmt: skip
        copy_proxy(outcome, FinancialProxy.objects.get(name_en=proxy_name))
        outcome.save()
    first = analysis.outcomes.first()
    Range.objects.create(analysis=analysis, outcome=first, parameter="quantity",
                         low=D(35), likely=D(50), high=D(60))  # fmt: skip
    Range.objects.create(analysis=analysis, outcome=first, parameter="attribution",
                         low=D(20), likely=D(30), high=D(50))  # fmt: skip
    Range.objects.create(analysis=analysis, parameter="discount_rate",
                         low=D(3), likely=D("3.5"), high=D(8))  # fmt: skip
    return analysis


@transaction.atomic
def load() -> str:
    created, _updated = load_proxies()
    program, _ = Program.objects.get_or_create(
        slug="schools-as-community-hubs",
        defaults={"name_en": "Schools as community hubs",
                  "name_fr": "Écoles comme carrefours communautaires"},
    )  # fmt: skip
    template = Analysis.objects.filter(title=TEMPLATE_TITLE, template_program=program).first()
    if template is None:
        template = _build_template(program)
    edmonton = Municipality.objects.filter(name="Edmonton").first()
    if edmonton is None:
        return f"SROI: {created} proxies, template ready; no Edmonton for the demo analysis."
    hub, _ = MunicipalProgram.objects.get_or_create(
        municipality=edmonton, name="Schools as Community Hubs",
        defaults={"knowledge_program": program, "is_demo": True,
                  "description": "REACH Edmonton's after-school hubs (demo record)."},
    )  # fmt: skip
    if not Analysis.objects.filter(title=DEMO_TITLE, program=hub).exists():
        copy_analysis(template, title=DEMO_TITLE, program=hub, is_demo=True)
    return f"SROI: {created} proxies added, a template and the Edmonton demo analysis."
