"""Who may see and do what in the knowledge base: rules registered with core.access.

The public reads what is published (PRODUCT.md); network staff write and see drafts. The
knowledge base holds no personal data: contacts are those a program publishes itself.
"""

from __future__ import annotations

from django.db.models import QuerySet

from prevnet.core import access
from prevnet.knowledge.vocabulary import Status

READ = ("knowledge.view_program", "knowledge.view_practice", "knowledge.view_brief")


@access.rule(*READ)
def _read_published(user, obj) -> bool:
    if obj is None or access.is_staff(user):
        return True
    return getattr(obj, "status", Status.PUBLISHED) == Status.PUBLISHED


@access.scope(*READ)
def _published_scope(user, qs: QuerySet) -> QuerySet:
    return qs if access.is_staff(user) else qs.filter(status=Status.PUBLISHED)


def _staff(user, obj) -> bool:
    return access.is_staff(user)


# Writing, history and export/import of the whole base are staff-only (named so a reader sees
# the decision; unknown permissions fall back to staff too).
for _perm in (
    "knowledge.add_program",
    "knowledge.change_program",
    "knowledge.delete_program",
    "knowledge.add_practice",
    "knowledge.change_practice",
    "knowledge.add_brief",
    "knowledge.change_brief",
    "knowledge.view_history",
    "knowledge.export_base",
    "knowledge.import_base",
):
    access.RULES[_perm] = _staff
