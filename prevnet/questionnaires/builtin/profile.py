"""The municipal profile and expertise questionnaire (February 2015), all seven sections."""

from __future__ import annotations

from prevnet.questionnaires.builtin.helpers import (
    NOT_NEGATIVE,
    STAKEHOLDERS,
    YES_NO,
    choices,
    other,
    q,
    section,
)
from prevnet.questionnaires.schema import Form, Node

PROFILE = "municipal-profile"


def profile() -> Form:
    nodes = [
        section(
            "socio_demographic",
            "1. Socio-demographic data and crime trends",
            "1. Données sociodémographiques et tendances de la criminalité",
            q(
                "population",
                "integer",
                "Population at the last census",
                "Population au dernier recensement",
                constraint=". >= 0",
                message=NOT_NEGATIVE,
            ),
            q(
                "crime_trend",
                "select_one",
                "Police-recorded crime in recent years has been…",
                "Ces dernières années, la criminalité enregistrée par la police a été…",
                list_name="trend",
            ),
            q(
                "crime_statistics",
                "long_text",
                "Recent crime statistics and trends",
                "Statistiques et tendances récentes de la criminalité",
                hint=(
                    "Based on police-recorded crime data.",
                    "Selon les données de la criminalité déclarée par la police.",
                ),
            ),
            q(
                "other_sources",
                "select_multiple",
                "Other sources of information on crime trends",
                "Autres sources d'information sur les tendances de la criminalité",
                list_name="sources",
            ),
            other("other_sources"),
            q(
                "risk_factors",
                "long_text",
                "Major risk factors and emerging crime or insecurity issues",
                "Principaux facteurs de risque et enjeux émergents de criminalité ou d'insécurité",
            ),
        ),
        section(
            "strategies",
            "2. Comprehensive strategies and policies",
            "2. Stratégies globales et politiques",
            q(
                "in_strategic_plan",
                "select_one",
                "Are crime prevention and community safety part of the municipality's strategic "
                "plan or long-term vision?",
                "La prévention de la criminalité et la sécurité communautaire font-elles partie du "
                "plan stratégique ou de la vision à long terme de la municipalité?",
                list_name="yes_no",
                required=True,
            ),
            q(
                "has_strategy",
                "select_one",
                "Does the municipality have a crime prevention and community safety strategy?",
                "La municipalité a-t-elle une stratégie de prévention de la criminalité et de "
                "sécurité communautaire?",
                list_name="yes_no",
                required=True,
            ),
            q(
                "strategy_adopted_on",
                "date",
                "When was it adopted?",
                "Quand a-t-elle été adoptée?",
                relevance="${has_strategy} = 'yes'",
            ),
            q(
                "urban_safety_policy",
                "select_one",
                "Has the municipality developed an integrated urban safety policy?",
                "La municipalité s'est-elle dotée d'une politique intégrée de sécurité urbaine?",
                list_name="yes_no",
            ),
        ),
        section(
            "governance",
            "3. Local governance",
            "3. Gouvernance locale",
            q(
                "has_governance_body",
                "select_one",
                "Is there a governance mechanism on crime and community safety that brings "
                "together key stakeholders?",
                "Existe-t-il un mécanisme de gouvernance en matière de criminalité et de sécurité "
                "communautaire qui réunit les principaux acteurs?",
                list_name="yes_no",
                required=True,
            ),
            q(
                "governance_mandate",
                "long_text",
                "Its mandate, membership and support",
                "Son mandat, sa composition et son soutien",
                relevance="${has_governance_body} = 'yes'",
            ),
            q(
                "responsibility_centre",
                "select_one",
                "Is there a responsibility centre for crime prevention and community safety "
                "within the municipal organization?",
                "Existe-t-il, au sein de l'organisation municipale, un centre de responsabilité en "
                "prévention de la criminalité et sécurité communautaire?",
                list_name="yes_no",
            ),
            q(
                "dedicated_staff",
                "decimal",
                "Staff dedicated to it (full-time equivalents)",
                "Personnel qui y est consacré (équivalents temps plein)",
                relevance="${responsibility_centre} = 'yes'",
                constraint=". >= 0",
                message=NOT_NEGATIVE,
            ),
            q(
                "dedicated_budget",
                "decimal",
                "Annual budget dedicated to it (dollars)",
                "Budget annuel qui y est consacré (dollars)",
                relevance="${responsibility_centre} = 'yes'",
                constraint=". >= 0",
                message=NOT_NEGATIVE,
            ),
            q(
                "partners",
                "select_multiple",
                "Partners involved in programmes and projects",
                "Partenaires engagés dans les programmes et projets",
                list_name="stakeholders",
            ),
            other("partners"),
            q(
                "police_role",
                "long_text",
                "The role of the police in the strategies and programmes",
                "Le rôle de la police dans les stratégies et programmes",
            ),
        ),
        section(
            "programmes",
            "4. Programmes, tools and expertise",
            "4. Programmes, outils et expertise",
            Node(
                name="programs",
                type="repeat",
                label={"en": "Programme", "fr": "Programme"},
                children=[
                    q(
                        "program_name",
                        "text",
                        "Name of the programme",
                        "Nom du programme",
                        required=True,
                    ),
                    q(
                        "program_focus",
                        "select_one",
                        "Main focus",
                        "Objet principal",
                        list_name="focus",
                    ),
                    q(
                        "program_evaluated",
                        "select_one",
                        "Has it been evaluated?",
                        "A-t-il été évalué?",
                        list_name="yes_no",
                    ),
                ],
            ),
            q(
                "tools_expertise",
                "long_text",
                "Tools and expertise the municipality can share",
                "Outils et expertise que la municipalité peut partager",
            ),
        ),
        section(
            "funding_evaluation",
            "5. Funding, evaluation and advocacy",
            "5. Financement, évaluation et représentation",
            q(
                "funding_sources",
                "select_multiple",
                "Major sources of funding",
                "Principales sources de financement",
                list_name="funding",
            ),
            other("funding_sources"),
            q(
                "has_evaluation",
                "select_one",
                "Have evaluations or indicators measured outcomes or cost-effectiveness?",
                "Des évaluations ou des indicateurs ont-ils mesuré les résultats ou le "
                "rapport coût-efficacité?",
                list_name="yes_no",
            ),
            q(
                "evaluation_details",
                "long_text",
                "Which ones?",
                "Lesquels?",
                relevance="${has_evaluation} = 'yes'",
            ),
            q(
                "advocacy",
                "select_one",
                "Has the municipality made representations to the federal or provincial "
                "governments, the FCM or a provincial municipal association on these issues?",
                "La municipalité a-t-elle fait des représentations auprès des gouvernements "
                "fédéral ou provincial, de la FCM ou d'une association municipale provinciale "
                "sur ces questions?",
                list_name="yes_no",
            ),
        ),
        section(
            "capacity",
            "6. Municipal capacity",
            "6. Capacité municipale",
            q(
                "capacity_note",
                "note",
                "Rate the municipality's capacity from 1 (low) to 5 (high).",
                "Évaluez la capacité de la municipalité de 1 (faible) à 5 (élevée).",
            ),
            *[
                q(f"capacity_{name}", "rating", en, fr, parameters="start=1 end=5")
                for name, en, fr in (
                    (
                        "research",
                        "Research and policy development",
                        "Recherche et élaboration de politiques",
                    ),
                    (
                        "programmes",
                        "Design and management of programmes",
                        "Conception et gestion de programmes",
                    ),
                    (
                        "partnerships",
                        "Partnership building and coordination",
                        "Création de partenariats et coordination",
                    ),
                    ("training", "Training", "Formation"),
                    (
                        "communication",
                        "Communication and public awareness",
                        "Communication et sensibilisation du public",
                    ),
                )
            ],
            q("capacity_other", "text", "Other capacities", "Autres capacités"),
        ),
        section(
            "interests",
            "7. Topics of interest",
            "7. Sujets d'intérêt",
            q(
                "topics_of_interest",
                "select_multiple",
                "Which would interest the municipality?",
                "Lesquels intéresseraient la municipalité?",
                list_name="interests",
            ),
            other("topics_of_interest"),
        ),
    ]
    return Form(
        PROFILE,
        "2015.02",
        {"en": "Municipal profile and expertise", "fr": "Profil et expertise de la municipalité"},
        nodes,
        {
            "yes_no": YES_NO,
            "trend": choices(
                ("rising", "Rising", "En hausse"),
                ("stable", "Stable", "Stable"),
                ("falling", "Falling", "En baisse"),
                ("unknown", "Don't know", "Ne sait pas"),
            ),
            "sources": choices(
                ("victim_survey", "Victimization surveys", "Enquêtes de victimisation"),
                ("safety_diagnosis", "Local safety diagnosis", "Diagnostic local de sécurité"),
                ("hospital", "Hospital emergency data", "Données des urgences hospitalières"),
                ("opinion", "Public opinion surveys", "Sondages d'opinion"),
                ("calls_911", "9-1-1 statistics", "Statistiques du 9-1-1"),
                ("other", "Other", "Autre"),
            ),
            "stakeholders": STAKEHOLDERS,
            "focus": choices(
                ("youth", "Youth", "Jeunes"),
                ("violence", "Violence", "Violence"),
                ("substances", "Alcohol and drugs", "Alcool et drogues"),
                ("environment", "Safer places", "Aménagement sécuritaire"),
                ("other", "Other", "Autre"),
            ),
            "funding": choices(
                ("federal", "Federal", "Fédéral"),
                ("provincial", "Provincial", "Provincial"),
                ("municipal", "Municipal", "Municipal"),
                ("private", "Private sector", "Secteur privé"),
                ("foundations", "Foundations", "Fondations"),
                ("other", "Other", "Autre"),
            ),
            "interests": choices(
                ("exchanges", "City-to-city exchanges", "Échanges entre villes"),
                ("workshops", "Regional workshops", "Ateliers régionaux"),
                ("training", "Training modules", "Modules de formation"),
                ("practices", "Sharing of best practices", "Partage de pratiques exemplaires"),
                ("other", "Other", "Autre"),
            ),
        },
    )
