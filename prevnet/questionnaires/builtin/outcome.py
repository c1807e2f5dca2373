"""The outcome questionnaire: a baseline, then every year."""

from __future__ import annotations

from prevnet.questionnaires.builtin.helpers import (
    NOT_NEGATIVE,
    STAKEHOLDERS,
    YES_NO,
    other,
    q,
    section,
)
from prevnet.questionnaires.schema import Form

OUTCOME = "outcome"


KNOWLEDGE_AREAS = (
    (
        "knowledge_base",
        "The knowledge base of municipal planning and successful programs",
        "La base de connaissances sur la planification municipale et les programmes efficaces",
    ),
    (
        "project_evaluation",
        "Project development and evaluation",
        "L'élaboration et l'évaluation de projets",
    ),
    (
        "mobilization",
        "Community mobilization and partnerships",
        "La mobilisation de la communauté et les partenariats",
    ),
    (
        "safety_planning",
        "Planning community safety, from local diagnosis to long-term vision",
        "La planification de la sécurité, du diagnostic local à la vision à long terme",
    ),
)


def outcome() -> Form:
    areas = [
        section(
            f"area_{key}",
            en,
            fr,
            q(
                f"use_{key}",
                "rating",
                "Current use, from 1 (none) to 5 (extensive)",
                "Utilisation actuelle, de 1 (aucune) à 5 (très grande)",
                parameters="start=1 end=5",
                required=True,
            ),
            q(
                f"enhance_{key}",
                "long_text",
                "What would enhance its use?",
                "Qu'est-ce qui en favoriserait l'utilisation?",
            ),
        )
        for key, en, fr in KNOWLEDGE_AREAS
    ]
    nodes = [
        q(
            "uses_ccss",
            "select_one",
            "Does the municipality use a CCSS?",
            "La municipalité utilise-t-elle une SGSC?",
            list_name="yes_no",
            required=True,
        ),
        q(
            "exchanges_ccss",
            "select_one",
            "Does it exchange with other municipalities about its CCSS?",
            "Échange-t-elle avec d'autres municipalités au sujet de sa SGSC?",
            list_name="yes_no",
            relevance="${uses_ccss} = 'yes'",
        ),
        q(
            "has_preventive_programs",
            "select_one",
            "Does it have preventive programs or mainstreamed actions consistent with a CCSS?",
            "A-t-elle des programmes préventifs ou des actions intégrées cohérents avec une SGSC?",
            list_name="yes_no",
            required=True,
        ),
        q(
            "preventive_program_count",
            "integer",
            "How many?",
            "Combien?",
            relevance="${has_preventive_programs} = 'yes'",
            constraint=". >= 1",
            message=("Enter at least 1.", "Entrez au moins 1."),
        ),
        q(
            "mainstreamed_actions",
            "long_text",
            "Mainstreamed actions (e.g. funds reallocated to prevention)",
            "Actions intégrées (p. ex. fonds réaffectés à la prévention)",
            relevance="${has_preventive_programs} = 'yes'",
        ),
        q(
            "sensitized_stakeholders",
            "select_multiple",
            "Which municipal stakeholders are sensitized to CCSS?",
            "Quels acteurs municipaux sont sensibilisés aux SGSC?",
            list_name="stakeholders",
        ),
        other("sensitized_stakeholders"),
        q(
            "sensitized_count",
            "integer",
            "About how many stakeholders are sensitized?",
            "Environ combien d'acteurs sont sensibilisés?",
            constraint=". >= 0",
            message=NOT_NEGATIVE,
        ),
        q(
            "experienced_employees",
            "integer",
            "Key municipal employees with on-the-job experience of CCSS",
            "Employés municipaux clés ayant une expérience pratique des SGSC",
            constraint=". >= 0",
            message=NOT_NEGATIVE,
        ),
        q(
            "trained_employees",
            "integer",
            "Key municipal employees trained in CCSS",
            "Employés municipaux clés formés aux SGSC",
            constraint=". >= 0",
            message=NOT_NEGATIVE,
        ),
        *areas,
    ]
    return Form(
        OUTCOME,
        "1",
        {"en": "Outcome questionnaire", "fr": "Questionnaire sur les résultats"},
        nodes,
        {"yes_no": YES_NO, "stakeholders": STAKEHOLDERS},
    )
