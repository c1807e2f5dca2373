"""The knowledge base's logic: keeping the summary strength and search text true, and the
entry point other capabilities use to point at programs (``programs_for``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet, Value
from django.utils.text import capfirst

from prevnet.knowledge import evidence
from prevnet.knowledge.models import (
    STRENGTH_RANK,
    EvidenceRating,
    EvidenceStrength,
    Practice,
    Program,
)
from prevnet.knowledge.vocabulary import Status


def fold(text: str) -> str:
    """Lower-case without accents, so "Sécurité" and "securite" meet in search."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def published(qs: QuerySet | None = None) -> QuerySet:
    qs = Program.objects.all() if qs is None else qs
    return qs.filter(status=Status.PUBLISHED)


def programs_for(
    topics: Iterable[str] = (), risk_factors: Iterable[str] = (), limit: int | None = 10
) -> list[Program]:
    """Published programs addressing any of these topics or risk factors (slugs), strongest
    evidence first, then those matching more of what was asked. For the community-data
    diagnosis and peer matching; with neither topics nor risk factors, the strongest overall."""
    from django.db.models import Count, Q

    topics, risk_factors = list(topics), list(risk_factors)
    qs = published()
    match = Q()
    if topics:
        match |= Q(topics__slug__in=topics)
    if risk_factors:
        match |= Q(risk_factors__slug__in=risk_factors)
    if topics or risk_factors:
        ids = Program.objects.filter(match).values("pk")
        qs = qs.filter(pk__in=ids).annotate(
            matches=Count("topics", filter=Q(topics__slug__in=topics), distinct=True)
            + Count("risk_factors", filter=Q(risk_factors__slug__in=risk_factors), distinct=True)
        )
    else:
        qs = qs.annotate(matches=Value(0))
    qs = qs.order_by("-evidence_rank", "-matches", "name_en")
    return list(qs[:limit] if limit else qs)


def recompute_strength(obj: Program | Practice) -> str:
    """Set the summary strength from the ratings (services own it; never typed by hand)."""
    pairs = EvidenceRating.objects.filter(
        **{"program" if isinstance(obj, Program) else "practice": obj}
    ).values_list("source", "level")
    strength = evidence.summary(pairs)
    if isinstance(obj, Program):
        rank = STRENGTH_RANK[EvidenceStrength(strength)]
        if (obj.strength, obj.evidence_rank) != (strength, rank):
            Program.objects.filter(pk=obj.pk).update(strength=strength, evidence_rank=rank)
            obj.strength, obj.evidence_rank = strength, rank
    elif obj.strength != strength:
        Practice.objects.filter(pk=obj.pk).update(strength=strength)
        obj.strength = strength
    return strength


def search_texts(program: Program) -> tuple[str, str]:
    """The folded English and French text a program is found by."""
    topics = list(program.topics.all())
    practices = list(program.practices.all())
    examples = list(program.canadian_examples.all())
    places = " ".join(f"{e.place} {e.organization}" for e in examples)

    def text(lang: str) -> str:
        parts = [
            getattr(program, f"name_{lang}"),
            program.slug.replace("-", " "),
            getattr(program, f"summary_{lang}"),
            getattr(program, f"goals_{lang}"),
            getattr(program, f"components_{lang}"),
            " ".join(getattr(t, f"name_{lang}") for t in topics),
            " ".join(f"{getattr(p, f'name_{lang}')}" for p in practices),
            " ".join(getattr(e, f"description_{lang}") for e in examples),
            places,
        ]
        return fold(" ".join(p for p in parts if p))

    return text("en"), text("fr")


def refresh_derived(program: Program) -> None:
    """Recompute the search text and the Canadian-example flag after any change."""
    en, fr = search_texts(program)
    has_example = program.canadian_examples.exists()
    Program.objects.filter(pk=program.pk).update(
        search_en=en, search_fr=fr, has_canadian_example=has_example
    )
    program.search_en, program.search_fr = en, fr
    program.has_canadian_example = has_example


@transaction.atomic
def save_program(program: Program, user=None, reason: str = "") -> Program:
    """Save a program with who changed it (edit history), then its derived fields."""
    program._history_user = user if getattr(user, "is_authenticated", False) else None
    if reason:
        program._change_reason = reason
    program.save()  # signals.py refreshes the search text and the Canadian-example flag
    recompute_strength(program)
    return program


def description(program: Program) -> list[tuple[str, list[str]]]:
    """The multi-choice description as (label, [value labels]) rows for pages and PDFs."""
    rows = []
    for name in (
        "age_groups", "genders", "risk_levels", "settings", "continuum", "cswb_levels",
        "approaches", "ccss_sectors",
    ):  # fmt: skip
        field = Program._meta.get_field(name)
        labels = dict(field.vocabulary.choices)
        rows.append(
            (
                capfirst(str(field.verbose_name)),
                [str(labels.get(v, v)) for v in getattr(program, name)],
            )
        )
    return rows


def implementation(program: Program) -> list[tuple[str, str]]:
    from django.utils.translation import gettext as _

    from prevnet.knowledge.models import _bilingual

    return [
        (_("Time to set up"), _bilingual(program, "setup_time")),
        (_("Staff"), _bilingual(program, "staffing")),
        (_("Training"), _bilingual(program, "training")),
        (_("Licensing"), _bilingual(program, "licensing")),
    ]
