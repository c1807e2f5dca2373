# ruff: noqa: E501 - data tables read best one record a line
"""The programme's own logic model, as written in the programme's source document
(/work/shared/seed/000_e66e82c783f93ddf.txt): its inputs, the four components with their
activities, outputs and short-term results, the planned outcomes the process evaluation
follows, and the long-term results, with the indicators and targets the document sets.

``load()`` is idempotent and never overwrites what staff changed since (targets they set,
texts they edited): it creates what is missing only.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from prevnet.core import programme
from prevnet.evaluation.models import Indicator, LogicItem, LogicModel, YearTarget

NAME = "Building Municipal Capacity to Harness Evidence to Prevent Crime"
GOAL = (
    "Foster a community of practice among Canadian municipalities to reduce and prevent crime "
    "and victimisation, as well as enhance community safety."
)
LEVELS = ["inputs", "activities", "outputs", "short_term", "intermediate", "long_term"]

C1 = "Coaching and mentoring"
C2 = "Knowledge development and application"
C3 = "Mobilization and training"
C4 = "Process evaluation"

# key, level, component, English, French, contributes to (key)
# fmt: off
ITEMS = [
    ("lt1", "long_term", "", "Less crime and victimization in targeted municipalities",
     "Moins de criminalité et de victimisation dans les municipalités ciblées", None),
    ("lt2", "long_term", "", "Enhanced community safety in targeted municipalities",
     "Sécurité communautaire accrue dans les municipalités ciblées", None),
    ("lt3", "long_term", "", "Increased capacity of targeted municipalities to implement and evaluate evidence-based crime prevention strategies, programs and projects",
     "Capacité accrue des municipalités ciblées à mettre en œuvre et à évaluer des stratégies, programmes et projets de prévention de la criminalité fondés sur les données probantes", None),
    ("lt4", "long_term", "", "More cost-efficient investments in crime reduction and victimization prevention in targeted municipalities, guided by CCSS",
     "Des investissements plus efficients en réduction de la criminalité et en prévention de la victimisation dans les municipalités ciblées, guidés par une SGSC", None),
    ("oc1", "intermediate", C4, "Go from 15 to 30 municipalities exchanging and engaged in comprehensive community safety strategies (CCSS)",
     "Passer de 15 à 30 municipalités qui échangent et sont engagées dans une stratégie globale de sécurité communautaire (SGSC)", "lt3"),
    ("oc2", "intermediate", C4, "Foster at least 30 additional preventive programs (or mainstreamed actions) tackling priority crime problems",
     "Susciter au moins 30 programmes de prévention (ou actions intégrées) supplémentaires visant des problèmes de criminalité prioritaires", "lt4"),
    ("oc3", "intermediate", C4, "Sensitize 500 municipal stakeholders",
     "Sensibiliser 500 intervenants municipaux", "lt3"),
    ("oc4", "intermediate", C4, "Train 50 key municipal employees to the standards established by the network and its partners for knowledge of CCSS",
     "Former 50 employés municipaux clés selon les normes établies par le Réseau et ses partenaires sur la connaissance des SGSC", "lt3"),
    ("in1", "inputs", "", "Financial support and collaboration of the National Crime Prevention Centre; the National Municipal Network in partnership with the Institute for the Prevention of Crime",
     "Soutien financier et collaboration du Centre national de prévention du crime; le Réseau municipal canadien en partenariat avec l'Institut pour la prévention de la criminalité", None),
    ("a1", "activities", C1, "Coach and mentor key stakeholders in municipalities to harness the crime prevention knowledge base (municipal interchanges)",
     "Accompagner et mentorer les intervenants clés des municipalités pour tirer parti des connaissances en prévention de la criminalité (échanges intermunicipaux)", "o1"),
    ("a2", "activities", C2, "Promote the application of the knowledge base of municipal planning and successful action programs, consolidating and developing the knowledge",
     "Promouvoir l'application des connaissances sur la planification municipale et les programmes d'action efficaces, en consolidant et en développant ces connaissances", "o2"),
    ("a3", "activities", C3, "Mobilize and train key municipal stakeholders to foster the implementation of and investment in effective, cost-efficient community safety and crime prevention strategies",
     "Mobiliser et former les intervenants municipaux clés pour favoriser la mise en œuvre de stratégies de sécurité communautaire et de prévention efficaces et efficientes, et l'investissement dans celles-ci", "o31"),
    ("a4", "activities", C4, "Assess progress in achieving the outcomes and enable the coordinating committee and the network to adjust the activities (outcome and activity-impact questionnaires)",
     "Évaluer les progrès vers les résultats et permettre au comité de coordination et au Réseau d'ajuster les activités (questionnaires de résultats et d'impact des activités)", "o4"),
    ("o1", "outputs", C1, "18 inter-municipal coaching and mentoring projects over the three years",
     "18 projets intermunicipaux d'accompagnement et de mentorat sur les trois ans", "s1"),
    ("o2", "outputs", C2, "Publications briefing municipal stakeholders and employees on CCSS, targeted programs and mainstreamed strategies (youth and gang violence, inner cities and difficult neighbourhoods, violence against women), in several formats including the Internet",
     "Publications informant les intervenants et employés municipaux sur les SGSC, les programmes ciblés et les stratégies intégrées (violence des jeunes et des gangs, quartiers centraux et difficiles, violence faite aux femmes), en plusieurs formats dont Internet", "s2"),
    ("o31", "outputs", C3, "500 municipal stakeholders from interested municipalities sensitized through a series of regional workshops in year 1",
     "500 intervenants municipaux de municipalités intéressées sensibilisés lors d'une série d'ateliers régionaux en année 1", "s3"),
    ("o32", "outputs", C3, "Direct coaching and support in years 2-3 to 15 new municipalities that will engage in comprehensive, evidence-based collaborative safety strategies",
     "Accompagnement direct et soutien en années 2 et 3 à 15 nouvelles municipalités qui s'engageront dans des stratégies de sécurité collaboratives globales et fondées sur les données probantes", "oc1"),
    ("o33", "outputs", C3, "50 key municipal managers and practitioners trained in specialized sessions on project development and evaluation, community mobilization and partnerships, and planning community safety",
     "50 gestionnaires et praticiens municipaux clés formés lors de séances spécialisées sur l'élaboration et l'évaluation de projets, la mobilisation communautaire et les partenariats, et la planification de la sécurité communautaire", "oc4"),
    ("o4", "outputs", C4, "Yearly progress reports to the Municipal Meetings and the Coordinating Committee",
     "Rapports d'étape annuels aux rencontres municipales et au comité de coordination", "oc1"),
    ("s1", "short_term", C1, "Increased capacity of key municipal stakeholders to harness the crime prevention knowledge base",
     "Capacité accrue des intervenants municipaux clés à tirer parti des connaissances en prévention de la criminalité", "oc1"),
    ("s2", "short_term", C2, "Increased consolidated and developed knowledge for successful community safety approaches and evidence-based crime prevention projects",
     "Connaissances consolidées et développées sur les approches de sécurité communautaire efficaces et les projets de prévention fondés sur les données probantes", "oc2"),
    ("s3", "short_term", C2, "Increased sensitization of key municipal stakeholders to the importance of evidence-based municipal planning and action programs",
     "Sensibilisation accrue des intervenants municipaux clés à l'importance de la planification municipale et des programmes d'action fondés sur les données probantes", "oc3"),
]

PLACE = ["region", "province"]
PEOPLE = ["region", "province", "position_type", "gender"]

# item key, code, computation, English, French, unit, baseline, programme target, year targets,
# cumulative, disaggregations, means of verification
INDICATORS = [
    ("oc1", "municipalities-engaged", "municipalities_engaged_ccss",
     "Municipalities exchanging and engaged in a CCSS", "Municipalités qui échangent et sont engagées dans une SGSC",
     "number", 15, 30, {}, False, PLACE,
     "Registry's engagement history; outcome questionnaire (baseline and follow-up)"),
    ("oc2", "additional-programs", "additional_programs",
     "Additional preventive programs or mainstreamed actions fostered", "Programmes de prévention ou actions intégrées supplémentaires suscités",
     "number", 0, 30, {}, True, PLACE,
     "Municipal programs registry (programs marked as fostered by the programme)"),
    ("o31", "stakeholders-sensitized", "unique_stakeholders_sensitized",
     "Unique municipal stakeholders sensitized", "Intervenants municipaux distincts sensibilisés",
     "number", 0, 500, {1: 500}, True, PEOPLE, "Regional workshops' attendance lists"),
    ("o33", "people-trained", "people_trained_to_standard",
     "Key municipal employees trained to the standard", "Employés municipaux clés formés selon la norme",
     "number", 0, 50, {}, True, PEOPLE, "Training sessions' assessments"),
    ("o1", "coaching-projects", "coaching_mentoring_projects",
     "Inter-municipal coaching and mentoring projects", "Projets intermunicipaux d'accompagnement et de mentorat",
     "number", 0, 18, {}, True, PLACE, "Exchanges recorded, with their reports"),
    ("o32", "new-municipalities-coached", "new_municipalities_coached",
     "New municipalities given direct coaching", "Nouvelles municipalités accompagnées directement",
     "number", 0, 15, {1: 0}, True, PLACE, "Direct coaching recorded by staff"),
    ("o2", "publications", "",
     "Publications released", "Publications diffusées",
     "number", 0, None, {}, True, [], "The publications themselves (file or link)"),
]
# fmt: on


@transaction.atomic
def load() -> LogicModel:
    model, _created = LogicModel.objects.get_or_create(
        is_programme=True, defaults={"name": NAME, "goal": GOAL, "levels": LEVELS}
    )
    items: dict[str, LogicItem] = {}
    for order, (key, level, component, en, fr, _to) in enumerate(ITEMS):
        items[key], _ = LogicItem.objects.get_or_create(
            logic_model=model,
            level=level,
            text_en=en,
            defaults={"text_fr": fr, "component": component, "order": order},
        )
    for key, *_rest, to in ITEMS:
        if to and items[key].contributes_to_id is None:
            items[key].contributes_to = items[to]
            items[key].save(update_fields=["contributes_to"])
    baseline_date = programme.start()
    for order, row in enumerate(INDICATORS):
        key, code, comp, en, fr, unit, base, target, years, cumulative, dims, means = row
        indicator, created = Indicator.objects.get_or_create(
            item=items[key],
            code=code,
            defaults={
                "computation": comp,
                "name_en": en,
                "name_fr": fr,
                "unit": unit,
                "baseline_value": Decimal(base),
                "baseline_date": baseline_date,
                "programme_target": None if target is None else Decimal(target),
                "cumulative": cumulative,
                "disaggregations": dims,
                "means_of_verification": means,
                "order": order,
            },
        )
        if created:
            for year, value in years.items():
                YearTarget.objects.create(indicator=indicator, year=year, value=Decimal(value))
    return model
