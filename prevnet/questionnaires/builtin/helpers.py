"""Short ways to write bilingual questions, sections and choice lists."""

from __future__ import annotations

from prevnet.questionnaires.schema import Choice, Node


def q(name, type_, en, fr, *, hint=("", ""), **extra) -> Node:
    message = extra.pop("message", None)
    node = Node(name=name, type=type_, label={"en": en, "fr": fr}, **extra)
    node.hint = {"en": hint[0], "fr": hint[1]}
    if message:
        node.constraint_message = {"en": message[0], "fr": message[1]}
    return node


def section(name, en, fr, *children, relevance="") -> Node:
    return Node(
        name=name,
        type="group",
        label={"en": en, "fr": fr},
        children=list(children),
        relevance=relevance,
    )


def choices(*items) -> list[Choice]:
    return [Choice(name, {"en": en, "fr": fr}) for name, en, fr in items]


def other(name: str, en="Other, specify", fr="Autre, préciser") -> Node:
    """The “other, specify” text shown when “other” is among the answers of ``name``."""
    return q(
        f"{name}_other", "text", en, fr, relevance=f"selected(${{{name}}}, 'other')", required=True
    )


YES_NO = choices(
    ("yes", "Yes", "Oui"), ("no", "No", "Non"), ("unknown", "Don't know", "Ne sait pas")
)
NOT_NEGATIVE = ("Enter zero or more.", "Entrez zéro ou plus.")
STAKEHOLDERS = choices(
    ("council", "City council", "Conseil municipal"),
    ("senior_officials", "Senior municipal officials", "Hauts fonctionnaires municipaux"),
    ("police", "Police", "Police"),
    ("schools", "Schools and school boards", "Écoles et centres de services scolaires"),
    ("health", "Public health", "Santé publique"),
    ("social_services", "Social services", "Services sociaux"),
    ("community", "Community organizations", "Organismes communautaires"),
    ("other", "Other", "Autre"),
)
