"""The activity-impact questionnaire, after every activity; questions added in years 2 and 3."""

from __future__ import annotations

from prevnet.questionnaires.builtin.helpers import (
    STAKEHOLDERS,
    YES_NO,
    choices,
    other,
    q,
)
from prevnet.questionnaires.schema import Form, Node

ACTIVITY_IMPACT = "activity-impact"


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
