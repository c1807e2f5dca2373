"""Who may see and do what in process evaluation: rules registered with core.access.

Signed-in users read the logic models, the dashboard (aggregates only) and the published reports.
Records behind a number that are people (e.g. those counted as sensitized) and the staff-entered
evidence are for network staff. Staff keep the programme's indicators, targets and reports; a
municipal coordinator builds the logic models of their own municipalities.
"""

from __future__ import annotations

from prevnet.core import access


def _signed_in(user) -> bool:
    return access.role_of(user) != access.PUBLIC


@access.rule(
    "evaluation.view_dashboard",
    "evaluation.view_logicmodel",
    "evaluation.view_indicator",
    "evaluation.view_records",
)
def _read(user, obj) -> bool:
    return _signed_in(user)


@access.rule("evaluation.add_logicmodel", "evaluation.change_logicmodel")
def _edit_logic_model(user, obj) -> bool:
    """``obj`` is the logic model (or a new one with its municipality set)."""
    if access.is_staff(user):
        return True
    ids = access.coordinated_ids(user)
    if not ids:
        return False
    if obj is None:
        return True
    return not obj.is_programme and obj.municipality_id in ids


@access.rule("evaluation.view_report")
def _view_report(user, obj) -> bool:
    if access.is_staff(user):
        return True
    if obj is None:
        return _signed_in(user)
    return _signed_in(user) and obj.is_published


@access.scope("evaluation.view_report")
def _report_scope(user, qs):
    if access.is_staff(user):
        return qs
    if not _signed_in(user):
        return qs.none()
    return qs.filter(status="published")


# Staff only, listed so a reader sees the decision: the programme's indicators and targets,
# values entered with evidence, personal records behind a number, the reports' life cycle.
for _perm in (
    "evaluation.add_enteredvalue",
    "evaluation.view_personal_records",
    "evaluation.add_report",
    "evaluation.change_report",
):
    access.RULES[_perm] = access._staff_only
