"""Small forms and campaigns for the tests."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from prevnet.questionnaires import services
from prevnet.questionnaires.schema import Choice, Form, Node

YES_NO = [Choice("yes", {"en": "Yes", "fr": "Oui"}), Choice("no", {"en": "No", "fr": "Non"})]


def small_form(form_id: str = "small", version: str = "1") -> Form:
    return Form(
        form_id,
        version,
        {"en": "Small", "fr": "Petit"},
        [
            Node(
                "uses_ccss",
                "select_one",
                {"en": "Uses a CCSS?", "fr": "Utilise une SGSC?"},
                list_name="yes_no",
                required=True,
            ),
            Node(
                "programs",
                "integer",
                {"en": "How many programs?", "fr": "Combien?"},
                relevance="${uses_ccss} = 'yes'",
                constraint=". >= 0 and . < 100",
                constraint_message={"en": "From 0 to 99.", "fr": "De 0 à 99."},
                required=True,
            ),
            Node(
                "partners",
                "select_multiple",
                {"en": "Partners", "fr": "Partenaires"},
                list_name="partners",
            ),
            Node(
                "partners_other",
                "text",
                {"en": "Other, specify", "fr": "Autre, préciser"},
                relevance="selected(${partners}, 'other')",
            ),
            Node("comment", "long_text", {"en": "Comment", "fr": "Commentaire"}),
        ],
        {
            "yes_no": YES_NO,
            "partners": [
                Choice("police", {"en": "Police", "fr": "Police"}),
                Choice("other", {"en": "Other", "fr": "Autre"}),
            ],
        },
    )


def published(form: Form | None = None):
    return services.save_form(form or small_form(), publish=True)


def campaign_for(cast, *, unit="municipality", days_open=(-1, 30), version=None):
    today = timezone.localdate()
    version = version or published()
    return services.open_campaign(
        version,
        "baseline",
        opens_on=today + timedelta(days=days_open[0]),
        closes_on=today + timedelta(days=days_open[1]),
        people=[cast.person_a] if unit == "person" else (),
        municipalities=[cast.city_a, cast.city_b] if unit == "municipality" else (),
        unit=unit,
    )


def closed_campaign(cast):
    return campaign_for(cast, unit="person", days_open=(-30, -1))


__all__ = ["campaign_for", "closed_campaign", "date", "published", "small_form"]
