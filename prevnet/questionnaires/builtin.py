"""The programme's three questionnaires, as the seed describes them, in English and French.

Slugs and question names are stable: other capabilities (activities, evaluation) and exports
rely on them. Changing a wording means a new version string here, never a renamed question.
"""

from __future__ import annotations

from prevnet.questionnaires.schema import Choice, Form, Node

PROFILE = "municipal-profile"
OUTCOME = "outcome"
ACTIVITY_IMPACT = "activity-impact"


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


def _rating(name, en, fr) -> Node:
    return q(
        name,
        "rating",
        en,
        fr,
        parameters="start=1 end=5",
        required=True,
        hint=("1: not at all; 5: a great deal", "1 : pas du tout; 5 : énormément"),
    )


def activity_impact(year: int) -> Form:
    nodes = [
        q(
            "participant_role",
            "select_one",
            "Your role",
            "Votre rôle",
            list_name="roles",
            required=True,
        ),
        _rating(
            "strengthen_ccss",
            "Will this activity strengthen your municipality's use of a CCSS?",
            "Cette activité renforcera-t-elle l'utilisation d'une SGSC par votre municipalité?",
        ),
        _rating(
            "more_programs",
            "Will it lead to more preventive and mainstreamed programs?",
            "Mènera-t-elle à davantage de programmes préventifs et intégrés?",
        ),
        _rating(
            "sensitized",
            "Has it sensitized municipal stakeholders?",
            "A-t-elle sensibilisé des acteurs municipaux?",
        ),
        q(
            "sensitized_who",
            "select_multiple",
            "Which stakeholders?",
            "Quels acteurs?",
            list_name="stakeholders",
            relevance="${sensitized} >= 3",
        ),
        other("sensitized_who"),
        q(
            "suggestions",
            "long_text",
            "How could such activities better achieve these outcomes?",
            "Comment de telles activités pourraient-elles mieux atteindre ces résultats?",
        ),
    ]
    if year >= 2:
        nodes += [
            q(
                "attended_before",
                "select_one",
                "Did you attend an activity last year?",
                "Avez-vous participé à une activité l'an dernier?",
                list_name="yes_no",
                required=True,
            ),
            _rating(
                "changes_worked",
                "Did this year's changes to the activities work better?",
                "Les changements apportés aux activités cette année ont-ils mieux fonctionné?",
            ),
            q(
                "applied_since",
                "long_text",
                "What have you applied since the last activity?",
                "Qu'avez-vous mis en pratique depuis la dernière activité?",
                relevance="${attended_before} = 'yes'",
            ),
        ]
        nodes[-2].relevance = "${attended_before} = 'yes'"
    if year >= 3:
        nodes += [
            _rating(
                "sustained_after_programme",
                "Will your municipality keep this work going after the programme ends?",
                "Votre municipalité poursuivra-t-elle ce travail après la fin du programme?",
            ),
            q(
                "support_needed",
                "long_text",
                "What support would it need?",
                "De quel soutien aurait-elle besoin?",
                relevance="${sustained_after_programme} <= 3",
            ),
        ]
    return Form(
        ACTIVITY_IMPACT,
        f"year{year}",
        {"en": "Activity impact questionnaire", "fr": "Questionnaire sur l'impact de l'activité"},
        nodes,
        {
            "yes_no": YES_NO,
            "stakeholders": STAKEHOLDERS,
            "roles": choices(
                ("councillor", "City councillor", "Conseiller municipal"),
                ("official", "Municipal official", "Fonctionnaire municipal"),
                ("police", "Police", "Police"),
                ("practitioner", "Practitioner", "Intervenant"),
                ("community", "Community leader", "Leader communautaire"),
                ("other", "Other", "Autre"),
            ),
        },
    )


def all_forms() -> list[Form]:
    """In publishing order: the last activity-impact version is the latest."""
    return [profile(), outcome(), activity_impact(1), activity_impact(2), activity_impact(3)]
