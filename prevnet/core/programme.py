"""The programme's calendar: three years from a configurable start date (settings)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

YEARS = (1, 2, 3)


def start() -> dt.date:
    return dt.date.fromisoformat(settings.PREVNET_PROGRAMME_START)


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of programme year ``year`` (1 to 3)."""
    first = start()
    begin = first.replace(year=first.year + year - 1)
    end = first.replace(year=first.year + year) - dt.timedelta(days=1)
    return begin, end


def year_of(day: dt.date) -> int | None:
    """The programme year (1 to 3) a day falls in, or None before or after the programme."""
    for year in YEARS:
        begin, end = year_bounds(year)
        if begin <= day <= end:
            return year
    return None
