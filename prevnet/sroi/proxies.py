"""The seed of the financial proxy library (``manage.py load_proxies`` and the demo).

Published figures carry their source; the others are marked illustrative (``is_illustrative``)
and say so in their source: they show how the library works and must be replaced by staff with
a published value before a real report. Years are those of the figure (a fiscal year 2011-12 is
entered as 2012, the year it ends).
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from prevnet.sroi.models import FinancialProxy

ILLUSTRATIVE = "Illustrative demo value, not a published figure; replace it (suggested source: %s)"

# name_en, name_fr, unit_en, unit_fr, value, year, source, url, illustrative
PROXIES = [
    (
        "Incarceration of a federal inmate",
        "Incarcération d'un détenu sous responsabilité fédérale",
        "inmate-year", "détenu-année", "117788", 2012,
        "Public Safety Canada, Corrections and Conditional Release Statistical Overview 2013: "
        "average annual cost of incarcerating a federal inmate, 2011-12",
        "",
        False,
    ),
    (
        "Day in provincial or territorial adult custody",
        "Jour de détention provinciale ou territoriale (adulte)",
        "day", "jour", "172", 2011,
        "Statistics Canada, Juristat, Adult correctional statistics in Canada, 2010/2011 "
        "(catalogue 85-002-X): average daily cost per provincial/territorial inmate",
        "",
        False,
    ),
    (
        "Day in youth custody", "Jour de placement sous garde (jeune)", "day", "jour", "500", 2020,
        ILLUSTRATIVE % "Statistics Canada, youth correctional services, operating expenditures",
        "", True,
    ),
    (
        "Emergency department visit", "Visite au service d'urgence", "visit", "visite", "300", 2021,
        ILLUSTRATIVE % "CIHI, Patient Cost Estimator", "", True,
    ),
    (
        "Break and enter (cost to victims and the justice system)",
        "Introduction par effraction (coût pour les victimes et la justice)",
        "incident", "incident", "4000", 2008,
        ILLUSTRATIVE % "Justice Canada, Costs of Crime in Canada, 2008 (Zhang, 2011)", "", True,
    ),
    (
        "Youth not finishing high school (yearly cost to society)",
        "Jeune sans diplôme d'études secondaires (coût annuel pour la société)",
        "person-year", "personne-année", "8000", 2015,
        ILLUSTRATIVE % "a Canadian study of the social cost of school dropout", "", True,
    ),
    (
        "Family that stays connected to supports (yearly value)",
        "Famille qui reste en lien avec les services (valeur annuelle)",
        "family-year", "famille-année", "1500", 2015,
        ILLUSTRATIVE % "a stated-preference or avoided-cost study", "", True,
    ),
]  # fmt: skip


@transaction.atomic
def load_proxies() -> tuple[int, int]:
    """Create the missing proxies and correct the seeded ones; returns (created, updated)."""
    created = updated = 0
    for name_en, name_fr, unit_en, unit_fr, value, year, source, url, illustrative in PROXIES:
        fields = {
            "name_fr": name_fr, "unit_en": unit_en, "unit_fr": unit_fr, "value": Decimal(value),
            "year": year, "source": source, "source_url": url, "is_illustrative": illustrative,
        }  # fmt: skip
        proxy, made = FinancialProxy.objects.get_or_create(name_en=name_en, defaults=fields)
        if made:
            created += 1
        elif any(getattr(proxy, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(proxy, k, v)
            proxy.save()
            updated += 1
    return created, updated
