"""Factories for activities tests."""

from __future__ import annotations

import datetime as dt

import factory

from prevnet.activities.models import Activity, Registration
from prevnet.network.factories import MunicipalityFactory, PersonFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    type = "workshop"
    title = factory.Sequence(lambda n: f"Workshop {n}")
    starts_on = dt.date(2025, 10, 1)
    place = factory.SubFactory(MunicipalityFactory)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    activity = factory.SubFactory(ActivityFactory)
    person = factory.SubFactory(PersonFactory)
    attended = True
