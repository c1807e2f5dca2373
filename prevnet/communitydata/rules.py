"""Who may see and do what in community data: rules registered with core.access."""

from __future__ import annotations

from prevnet.core import access


@access.rule("communitydata.view_data")
def _anyone(user, obj) -> bool:
    """Statistics Canada's figures are public, and so is what is derived from them."""
    return True


@access.rule("communitydata.import_data")
def _staff(user, obj) -> bool:
    """Importing replaces figures every municipality sees: network staff only."""
    return access.is_staff(user)
