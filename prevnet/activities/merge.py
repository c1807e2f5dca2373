"""Each person once: finding likely duplicates among people, and merging two into one.

The merge is generic on purpose: it repoints every relation to network.Person found through
``Person._meta.related_objects``, so relations that other capabilities add later (questionnaire
answers, say) move with the person without this module knowing them. Where a relation allows
one row per person (e.g. one registration per activity), the kept person's row stays, the other
is folded into it (attendance) or recorded in the merge's snapshot, then removed.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.forms.models import model_to_dict
from rapidfuzz import fuzz

from prevnet.activities.models import PersonMerge, Registration
from prevnet.network.models import Person

# Fields copied from the removed person when the kept one leaves them blank.
FILLABLE = ("email", "title", "organization", "municipality", "user")
NAME_THRESHOLD = 88


def normalize(text: str) -> str:
    """Lower case, accents and extra spaces removed: "  Hélène  Côté " -> "helene cote"."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("-", " ").split())


@dataclass
class DuplicatePair:
    first: Person
    second: Person
    reason: str
    score: int


def likely_duplicates(limit: int = 200) -> list[DuplicatePair]:
    """Pairs of people who are probably the same: same e-mail, or close names in the same
    municipality or organization. Compared within those groups, never all against all."""
    from django.utils.translation import gettext as _

    people = list(Person.objects.select_related("municipality", "organization"))
    pairs: dict[tuple[int, int], DuplicatePair] = {}
    by_email: dict[str, list[Person]] = defaultdict(list)
    by_place: dict[tuple, list[Person]] = defaultdict(list)
    for p in people:
        if p.email:
            by_email[p.email.strip().lower()].append(p)
        by_place[("m", p.municipality_id)].append(p)
        if p.organization_id:
            by_place[("o", p.organization_id)].append(p)
    for group in by_email.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                pairs[(a.pk, b.pk)] = DuplicatePair(a, b, _("same e-mail"), 100)
    for group in by_place.values():
        names = [normalize(f"{p.first_name} {p.last_name}") for p in group]
        for i, a in enumerate(group):
            for j in range(i + 1, len(group)):
                b = group[j]
                key = (min(a.pk, b.pk), max(a.pk, b.pk))
                if key in pairs:
                    continue
                score = int(fuzz.token_sort_ratio(names[i], names[j]))
                if score >= NAME_THRESHOLD:
                    first, second = (a, b) if a.pk < b.pk else (b, a)
                    pairs[key] = DuplicatePair(first, second, _("similar name"), score)
    ordered = sorted(pairs.values(), key=lambda d: (-d.score, d.first.pk))
    return ordered[:limit]


def _is_history(model) -> bool:
    # simple_history's tables keep the past as it was: they are never repointed.
    return model.__name__.startswith("Historical") and hasattr(model, "history_id")


def _unique_sets(model, field_name: str) -> list[list[str]]:
    """The other fields that, with ``field_name``, must be unique together."""
    sets = [list(u) for u in model._meta.unique_together]
    sets += [list(c.fields) for c in model._meta.total_unique_constraints]
    if model._meta.get_field(field_name).unique:
        sets.append([field_name])  # one row per person at most
    return [[f for f in s if f != field_name] for s in sets if field_name in s]


def _fold(existing, duplicate) -> None:
    """Fold a duplicate row into the kept person's row, where the meaning is clear."""
    if isinstance(existing, Registration) and duplicate.attended and not existing.attended:
        existing.attended = True
        existing.save(update_fields=["attended"])


def _repoint_fk(rel, keep: Person, remove: Person, by, snapshot: list) -> int:
    model, field = rel.related_model, rel.field
    moved = 0
    unique_sets = _unique_sets(model, field.name)
    for row in model._base_manager.filter(**{field.name: remove}):
        clash = None
        for others in unique_sets:
            lookup = {field.name: keep, **{f: getattr(row, f) for f in others}}
            clash = model._base_manager.filter(**lookup).first()
            if clash:
                break
        if clash is not None:
            _fold(clash, row)
            snapshot.append({"model": model._meta.label, **_plain(row)})
            row.delete()
            continue
        setattr(row, field.name, keep)
        row._history_user = by
        row._change_reason = f"person {remove.pk} merged into {keep.pk}"
        row.save(update_fields=[field.attname])
        moved += 1
    return moved


def _repoint_one_to_one(rel, keep: Person, remove: Person, snapshot: list) -> int:
    model, field = rel.related_model, rel.field
    row = model._base_manager.filter(**{field.name: remove}).first()
    if row is None:
        return 0
    if model._base_manager.filter(**{field.name: keep}).exists():
        snapshot.append({"model": model._meta.label, **_plain(row)})
        row.delete()
        return 0
    setattr(row, field.name, keep)
    row.save(update_fields=[field.attname])
    return 1


def _repoint_m2m(rel, keep: Person, remove: Person) -> int:
    through = rel.through
    to_person = next(
        f
        for f in through._meta.fields
        if f.is_relation and f.related_model is Person and f.name != "id"
    )
    other = next(
        f for f in through._meta.fields if f.is_relation and f is not to_person and f.name != "id"
    )
    kept_ids = set(
        through.objects.filter(**{to_person.name: keep}).values_list(other.attname, flat=True)
    )
    moved = 0
    for row in through.objects.filter(**{to_person.name: remove}):
        if getattr(row, other.attname) in kept_ids:
            row.delete()
        else:
            setattr(row, to_person.name, keep)
            row.save()
            moved += 1
    return moved


def _plain(obj) -> dict:
    data = model_to_dict(obj)
    return {
        k: (v if isinstance(v, int | str | bool | float | None) else str(v))
        for k, v in data.items()
    }


@transaction.atomic
def merge_people(keep: Person, remove: Person, by=None) -> PersonMerge:
    """Merge ``remove`` into ``keep``: every relation moves to ``keep``, then ``remove`` goes.

    All or nothing (one transaction); the edit history of both people records the merge."""
    if keep.pk == remove.pk:
        raise ValueError("a person cannot be merged with themself")
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    remove = Person.objects.select_for_update().get(pk=remove.pk)
    by = by if getattr(by, "is_authenticated", False) else None
    removed_snapshot = _plain(remove)
    folded: list = []
    moved: dict[str, int] = {}
    for rel in Person._meta.related_objects:
        model = rel.related_model
        if _is_history(model) or model is PersonMerge:
            continue
        if rel.many_to_many:
            n = _repoint_m2m(rel, keep, remove)
        elif rel.one_to_one:
            n = _repoint_one_to_one(rel, keep, remove, folded)
        else:
            n = _repoint_fk(rel, keep, remove, by, folded)
        if n:
            moved[model._meta.label] = moved.get(model._meta.label, 0) + n
    # The removed person's details fill what the kept one lacks; a login moves only when the
    # kept person has none (a login belongs to one person: it is freed first).
    login = remove.user
    if login is not None:
        remove.user = None
        remove.save(update_fields=["user"])
    for name in FILLABLE:
        if name != "user" and not getattr(keep, name) and getattr(remove, name):
            setattr(keep, name, getattr(remove, name))
    if keep.user_id is None and login is not None:
        keep.user = login
    remove._history_user = by
    remove._change_reason = f"merged into person {keep.pk}"
    remove.delete()
    keep._history_user = by
    keep._change_reason = f"person {removed_snapshot['id']} merged into this one"
    keep.save()
    removed_snapshot["folded"] = folded
    return PersonMerge.objects.create(
        kept=keep,
        removed_id=removed_snapshot["id"],
        removed_snapshot=removed_snapshot,
        moved=moved,
        merged_by=by,
    )


def relation_counts(person: Person) -> dict[str, int]:
    """How many rows of each kind point at a person (shown before a merge)."""
    counts = {}
    for rel in Person._meta.related_objects:
        model = rel.related_model
        if _is_history(model) or model is PersonMerge:
            continue
        if rel.many_to_many:
            n = getattr(person, rel.get_accessor_name()).count()
        else:
            n = model._base_manager.filter(**{rel.field.name: person}).count()
        if n:
            counts[str(model._meta.verbose_name_plural)] = n
    return counts
