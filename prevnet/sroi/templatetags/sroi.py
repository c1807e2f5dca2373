"""Money and percentages as a Canadian reader expects them, in either language."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
def cad(value, places: int = 2) -> str:
    """$1,234.56 in English, 1 234,56 $ in French; — for no value."""
    if value is None or value == "":
        return "—"
    number = number_format(abs(value), decimal_pos=int(places), use_l10n=True, force_grouping=True)
    sign = "−" if value < 0 else ""
    return f"{sign}{number}\xa0$" if get_language() == "fr" else f"{sign}${number}"


@register.filter
def num(value, places: int = 2) -> str:
    if value is None or value == "":
        return "—"
    return number_format(value, decimal_pos=int(places), use_l10n=True, force_grouping=True)
