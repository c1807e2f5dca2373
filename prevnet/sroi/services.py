"""SROI analyses in the database, turned into the calculation's plain figures and back."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from prevnet.sroi.calculation import ONE, InputFigures, Model, OutcomeFigures, Results, calculate
from prevnet.sroi.models import Analysis, CpiYear, FinancialProxy, Outcome, Range
from prevnet.sroi.sensitivity import Uncertain, default_ranges


class MissingCpi(ValueError):
    pass


def cpi_table() -> dict[int, Decimal]:
    return dict(CpiYear.objects.values_list("year", "index"))


def inflation_factor(proxy_year: int, base_year: int, cpi: dict[int, Decimal]) -> Decimal:
    """CPI(base year) ÷ CPI(proxy year): brings a proxy's dollars to base-year dollars."""
    if proxy_year == base_year:
        return ONE
    missing = [y for y in (proxy_year, base_year) if y not in cpi]
    if missing:
        raise MissingCpi(missing)
    return cpi[base_year] / cpi[proxy_year]


def outcome_key(outcome: Outcome) -> str:
    return f"o{outcome.pk}"


def _outcomes_of(analysis: Analysis):
    """The outcomes with their stakeholders: prefetched ones when the caller prefetched them."""
    if "outcomes" in getattr(analysis, "_prefetched_objects_cache", {}):
        return analysis.outcomes.all()
    return analysis.outcomes.select_related("stakeholder")


def build_model(
    analysis: Analysis, cpi: dict[int, Decimal] | None = None
) -> tuple[Model, list[str]]:
    """The analysis as plain figures, and the problems that kept some outcomes out.

    A caller computing many analyses passes ``cpi_table()`` once and prefetches ``inputs`` and
    ``outcomes__stakeholder``, so that the number of queries does not grow with the analyses.
    """
    cpi = cpi_table() if cpi is None else cpi
    problems, outcomes = [], []
    for o in _outcomes_of(analysis):
        try:
            factor = inflation_factor(o.proxy_year, analysis.base_year, cpi)
        except MissingCpi as exc:
            years = ", ".join(str(y) for y in exc.args[0])
            problems.append(
                _("“%(outcome)s” is left out: no consumer price index for %(years)s.")
                % {"outcome": o.description, "years": years}
            )
            continue
        outcomes.append(
            OutcomeFigures(
                key=outcome_key(o),
                stakeholder=o.stakeholder.name,
                description=o.description,
                quantity=o.quantity,
                value_per_unit=o.value_per_unit,
                duration=o.duration,
                deadweight=o.deadweight,
                attribution=o.attribution,
                displacement=o.displacement,
                drop_off=o.drop_off,
                inflation_factor=factor,
            )
        )
    inputs = tuple(
        InputFigures(i.year, i.amount, i.funder, i.in_kind) for i in analysis.inputs.all()
    )
    model = Model(analysis.base_year, analysis.discount_rate, inputs, tuple(outcomes))
    return model, problems


PROBLEM_MESSAGES = {
    "no_investment": lambda: _(
        "No investment is recorded, so there is no ratio to compute: add the inputs "
        "(money and in-kind) before reading a return on them."
    ),
    "no_payback": lambda: _(
        "The first year's impact is zero or negative, so the investment is never paid back."
    ),
}


def results_of(
    analysis: Analysis, cpi: dict[int, Decimal] | None = None
) -> tuple[Results, list[str]]:
    model, problems = build_model(analysis, cpi)
    results = calculate(model)
    return results, problems + [PROBLEM_MESSAGES[p]() for p in results.problems]


def ranges_of(analysis: Analysis, model: Model) -> tuple[list[Uncertain], bool]:
    """The user's uncertain assumptions, or default ones (second value True) when none."""
    labels = {outcome_key(o): o.description for o in analysis.outcomes.all()}
    user = [
        Uncertain(
            f"o{r.outcome_id}" if r.outcome_id else None,
            r.parameter,
            r.low,
            r.likely,
            r.high,
            label_of(r.parameter, labels.get(f"o{r.outcome_id}")),
        )
        for r in analysis.ranges.all()
        if r.outcome_id is None or f"o{r.outcome_id}" in {o.key for o in model.outcomes}
    ]
    if user:
        return user, False
    return [
        Uncertain(
            u.outcome,
            u.parameter,
            u.low,
            u.likely,
            u.high,
            label_of(u.parameter, labels.get(u.outcome)),
        )
        for u in default_ranges(model)
    ], True


def label_of(parameter: str, outcome: str | None) -> str:
    from prevnet.sroi.models import Parameter

    name = str(Parameter(parameter).label)
    return f"{outcome}: {name}" if outcome else name


# --- changing analyses ---------------------------------------------------------------------------


def copy_proxy(outcome: Outcome, proxy: FinancialProxy) -> None:
    """Copy the library's figures into the outcome: later edits of the library never reach it."""
    outcome.library_proxy = proxy
    outcome.proxy_description = f"{proxy.name_en} ({proxy.unit_en})"
    outcome.value_per_unit = proxy.value
    outcome.proxy_source = proxy.source + (" [illustrative]" if proxy.is_illustrative else "")
    outcome.proxy_currency = proxy.currency
    outcome.proxy_year = proxy.year


@transaction.atomic
def copy_analysis(source: Analysis, **fields) -> Analysis:
    """A new analysis with the source's stakeholders, inputs, outputs, outcomes and ranges."""
    target = Analysis.objects.create(
        title=fields.get("title", source.title),
        program=fields.get("program"),
        template_program=fields.get("template_program"),
        scope=source.scope,
        base_year=fields.get("base_year", source.base_year),
        discount_rate=source.discount_rate,
        created_by=fields.get("created_by"),
        is_demo=fields.get("is_demo", False),
    )
    stakeholders = {}
    for s in source.stakeholders.all():
        stakeholders[s.pk] = target.stakeholders.create(name=s.name, description=s.description)
    shift = target.base_year - source.base_year
    for i in source.inputs.all():
        target.inputs.create(
            year=i.year + shift,
            funder=i.funder,
            funder_type=i.funder_type,
            description=i.description,
            amount=i.amount,
            in_kind=i.in_kind,
        )
    for out in source.outputs.all():
        target.outputs.create(
            stakeholder=stakeholders.get(out.stakeholder_id),
            description=out.description,
            quantity=out.quantity,
            unit=out.unit,
        )
    outcomes = {}
    for o in source.outcomes.all():
        old_pk = o.pk
        o.pk = None
        o.analysis = target
        o.stakeholder = stakeholders[o.stakeholder_id]
        o.save()
        outcomes[old_pk] = o
    for r in source.ranges.all():
        Range.objects.create(
            analysis=target,
            outcome=outcomes.get(r.outcome_id),
            parameter=r.parameter,
            low=r.low,
            likely=r.likely,
            high=r.high,
        )
    return target


def templates_for(program=None):
    """Template analyses, those of the program's knowledge-base program first."""
    qs = Analysis.objects.filter(template_program__isnull=False).select_related("template_program")
    kp = getattr(program, "knowledge_program_id", None)
    if kp:
        return sorted(qs, key=lambda a: a.template_program_id != kp)
    return list(qs)
