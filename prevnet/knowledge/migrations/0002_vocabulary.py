"""The shared vocabulary: topics (the seed's three priority topics first) and risk factors."""

from django.db import migrations

TOPICS = [
    # slug, English, French, priority
    ("youth-gang-violence", "Youth and gang violence", "Violence chez les jeunes et gangs", True),
    (
        "inner-cities",
        "Inner cities and difficult neighbourhoods",
        "Quartiers centraux et quartiers difficiles",
        True,
    ),
    ("violence-against-women", "Violence against women", "Violence faite aux femmes", True),
    ("property-crime", "Property crime", "Crimes contre les biens", False),
    ("substance-use", "Drugs and alcohol", "Drogues et alcool", False),
    ("school-violence", "Bullying and school violence", "Intimidation et violence à l'école", False),
    ("repeat-offending", "Repeat offending", "Récidive", False),
    ("mental-health-crisis", "Mental health and crisis", "Santé mentale et situations de crise", False),
]

RISK_FACTORS = [
    # slug, English, French, protective
    ("low-income", "Low income", "Faible revenu", False),
    ("unemployment", "Unemployment", "Chômage", False),
    ("lone-parent-families", "Lone-parent families under strain", "Familles monoparentales en difficulté", False),
    ("housing-stress", "Housing stress", "Difficultés de logement", False),
    ("residential-instability", "Residential instability", "Instabilité résidentielle", False),
    ("low-education", "Low education and school dropout", "Faible scolarité et décrochage", False),
    ("school-disengagement", "School disengagement", "Désengagement scolaire", False),
    ("substance-misuse", "Substance misuse", "Consommation problématique de substances", False),
    ("harsh-parenting", "Harsh or inconsistent parenting", "Pratiques parentales dures ou incohérentes", False),
    ("antisocial-peers", "Antisocial peers and gangs", "Pairs antisociaux et gangs", False),
    ("early-aggression", "Early aggressive behaviour", "Comportements agressifs précoces", False),
    ("harmful-gender-norms", "Harmful gender norms", "Normes de genre néfastes", False),
    ("positive-parenting", "Positive parenting", "Pratiques parentales positives", True),
    ("school-engagement", "School engagement", "Engagement scolaire", True),
    ("prosocial-adults", "Caring adults and mentors", "Adultes bienveillants et mentors", True),
    ("community-cohesion", "Community cohesion", "Cohésion communautaire", True),
]


def load(apps, schema_editor):
    Topic = apps.get_model("knowledge", "Topic")
    RiskFactor = apps.get_model("knowledge", "RiskFactor")
    for slug, en, fr, priority in TOPICS:
        Topic.objects.update_or_create(
            slug=slug, defaults={"name_en": en, "name_fr": fr, "is_priority": priority}
        )
    for slug, en, fr, protective in RISK_FACTORS:
        RiskFactor.objects.update_or_create(
            slug=slug, defaults={"name_en": en, "name_fr": fr, "is_protective": protective}
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
