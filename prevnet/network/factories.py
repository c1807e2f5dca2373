"""factory-boy factories for the registry, shared by every app's tests."""

from __future__ import annotations

import factory

from prevnet.core.models import Role, User
from prevnet.network.models import (
    Municipality,
    Organization,
    OrganizationType,
    Person,
    PositionType,
    Province,
)


def province(abbreviation: str = "ON") -> Province:
    return Province.objects.get(abbreviation=abbreviation)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    role = Role.PARTICIPANT
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Municipality {n}")
    province = factory.LazyFunction(province)
    # Ontario codes start with 35; the sequence keeps them unique and 7 digits long.
    csd_code = factory.Sequence(lambda n: f"35{n:05d}")
    population = 50_000
    population_year = 2021


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    type = OrganizationType.COMMUNITY
    municipality = factory.SubFactory(MunicipalityFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Alex{n}")
    last_name = "Tremblay"
    email = factory.LazyAttribute(lambda p: f"{p.first_name.lower()}@example.org")
    position_type = PositionType.PRACTITIONER
    municipality = factory.SubFactory(MunicipalityFactory)
