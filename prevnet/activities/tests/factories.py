"""Factories for activities tests."""

from __future__ import annotations

import datetime as dt

import factory

from prevnet.activities.models import Activity, Registration
from prevnet.network.factories import MunicipalityFactory, PersonFactory

# Codes far from the test cast's (3500001, 3500002), which the shared factory's sequence can reach.
_CSD = factory.Sequence(lambda n: f"359{n:04d}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    type = "workshop"
    title = factory.Sequence(lambda n: f"Workshop {n}")
    starts_on = dt.date(2025, 10, 1)
    place = factory.SubFactory(MunicipalityFactory, csd_code=_CSD)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    activity = factory.SubFactory(ActivityFactory)
    person = factory.SubFactory(
        PersonFactory, municipality=factory.SubFactory(MunicipalityFactory, csd_code=_CSD)
    )
    attended = True
