"""Who may see and do what in municipal programs: rules registered with core.access.

The programs registry holds no personal data: anyone may read it. Network staff edit every
municipality's programs; a municipal coordinator edits those of the municipalities they coordinate.
"""

from __future__ import annotations

from prevnet.core import access


@access.rule("programs.view_municipalprogram")
def _anyone(user, obj) -> bool:
    return True


@access.rule(
    "programs.add_municipalprogram",
    "programs.change_municipalprogram",
    "programs.delete_municipalprogram",
)
def _edit_program(user, obj) -> bool:
    if access.is_staff(user):
        return True
    ids = access.coordinated_ids(user)
    if not ids:
        return False
    return obj is None or access.municipality_id_of(obj) in ids
