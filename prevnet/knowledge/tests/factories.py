"""Test records of the knowledge base."""

from __future__ import annotations

import factory
from django.utils import timezone

from prevnet.knowledge.models import Brief, Practice, Program
from prevnet.knowledge.vocabulary import Status


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"program-{n}")
    name_en = factory.Sequence(lambda n: f"Program {n}")
    name_fr = factory.Sequence(lambda n: f"Programme {n}")
    summary_en = "A program."
    summary_fr = "Un programme."
    status = Status.PUBLISHED


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"practice-{n}")
    name_en = factory.Sequence(lambda n: f"Practice {n}")
    name_fr = factory.Sequence(lambda n: f"Pratique {n}")
    status = Status.PUBLISHED


class BriefFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Brief
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"brief-{n}")
    title_en = factory.Sequence(lambda n: f"Brief {n}")
    title_fr = factory.Sequence(lambda n: f"Fiche {n}")
    body_en = "Some **text**."
    body_fr = "Du **texte**."
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
