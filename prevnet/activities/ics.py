"""The .ics feed of activities (no personal data: titles, dates, places)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def calendar_feed(activities, base_url: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//prevnet//activities//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "prevnet")
    host = base_url.split("//", 1)[-1].strip("/") or "prevnet"
    for activity in activities:
        event = Event()
        event.add("uid", f"activity-{activity.pk}@{host}")
        event.add("summary", activity.title)
        event.add("dtstart", activity.starts_on)
        # DTEND of an all-day event is exclusive: the day after the last day.
        event.add("dtend", (activity.ends_on or activity.starts_on) + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime.now(dt.UTC))
        event.add(
            "location",
            _("Online") if activity.online or not activity.place_id else str(activity.place),
        )
        event.add("url", base_url.rstrip("/") + activity.get_absolute_url())
        event.add("categories", [activity.get_type_display()])
        cal.add_component(event)
    return cal.to_ical()
