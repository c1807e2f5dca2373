"""Who may see and do what in social return on investment: rules registered with core.access.

- Anyone signed in reads every analysis and the proxy library: an SROI holds no personal data,
  and peers learn from each other's figures. The public does not: analyses are often drafts.
- A municipal coordinator creates and edits the analyses of their municipalities' programs.
- Network staff edit everything, keep the proxy library and the template analyses
  (those of a knowledge-base program).
"""

from __future__ import annotations

from prevnet.core import access


@access.rule("sroi.view_analysis", "sroi.view_financialproxy")
def _signed_in(user, obj) -> bool:
    return access.role_of(user) != access.PUBLIC


@access.rule("sroi.add_analysis")
def _add(user, obj) -> bool:
    """Without an object: may this user create any analysis at all (staff or a coordinator)."""
    if access.is_staff(user):
        return True
    ids = access.coordinated_ids(user)
    if obj is None:
        return bool(ids)
    return obj.municipality_id in ids


@access.rule("sroi.change_analysis", "sroi.delete_analysis")
def _change(user, obj) -> bool:
    if access.is_staff(user):
        return True
    ids = access.coordinated_ids(user)
    return obj is not None and obj.municipality_id is not None and obj.municipality_id in ids


for _perm in ("sroi.add_financialproxy", "sroi.change_financialproxy"):
    access.RULES[_perm] = access._staff_only
