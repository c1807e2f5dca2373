"""The practices of the seed content (general approaches the programs belong to)."""

PRACTICES = [
    {
        "slug": "focused-deterrence",
        "name_en": "Focused deterrence",
        "name_fr": "Dissuasion ciblée",
        "summary_en": "Police, prosecutors, service providers and community members speak directly "
        "to the few groups driving serious violence: violence will bring swift, certain "
        "consequences for the whole group, and help is on offer to anyone who wants out.",
        "summary_fr": "La police, les procureurs, les services et la communauté s'adressent "
        "directement aux quelques groupes responsables de la violence grave : toute violence "
        "entraînera des conséquences rapides et certaines pour le groupe entier, et de l'aide "
        "est offerte à quiconque veut s'en sortir.",
        "topics": ["youth-gang-violence", "inner-cities"],
    },
    {
        "slug": "bystander-programs",
        "name_en": "Bystander programs",
        "name_fr": "Programmes de témoins actifs",
        "summary_en": "Teach students and community members to notice situations that may lead "
        "to sexual or dating violence and to step in safely, changing the norms that tolerate it.",
        "summary_fr": "Apprendre aux élèves et aux membres de la communauté à repérer les "
        "situations pouvant mener à la violence sexuelle ou dans les fréquentations et à "
        "intervenir sans danger, pour changer les normes qui la tolèrent.",
        "topics": ["violence-against-women", "school-violence"],
    },
    {
        "slug": "situation-tables",
        "name_en": "Situation tables (risk-driven collaborative intervention)",
        "name_fr": "Tables de concertation sur les situations à risque élevé",
        "summary_en": "Agencies meet weekly to bring a coordinated response, within days, to "
        "people or families facing acutely elevated risk, before harm or victimisation happens.",
        "summary_fr": "Des organismes se réunissent chaque semaine pour offrir en quelques jours "
        "une réponse concertée aux personnes ou familles en situation de risque très élevé, "
        "avant qu'un préjudice ou une victimisation ne survienne.",
        "topics": ["inner-cities", "mental-health-crisis", "repeat-offending"],
    },
    {
        "slug": "violence-interruption",
        "name_en": "Street outreach and violence interruption",
        "name_fr": "Travail de rue et interruption de la violence",
        "summary_en": "Credible messengers from the neighbourhood mediate conflicts before they "
        "turn into shootings and stay with the people most at risk of shooting or being shot.",
        "summary_fr": "Des intervenants crédibles issus du quartier désamorcent les conflits "
        "avant qu'ils ne dégénèrent en fusillades et accompagnent les personnes les plus à "
        "risque de tirer ou d'être atteintes.",
        "topics": ["youth-gang-violence", "inner-cities"],
    },
    {
        "slug": "health-data-sharing",
        "name_en": "Sharing hospital data on violence",
        "name_fr": "Partage des données hospitalières sur la violence",
        "summary_en": "Emergency departments share anonymised data on where and how people were "
        "injured so that police and the city can target the places and times of violence.",
        "summary_fr": "Les urgences partagent des données anonymisées sur le lieu et les "
        "circonstances des blessures afin que la police et la ville ciblent les lieux et les "
        "moments de la violence.",
        "topics": ["inner-cities", "substance-use"],
    },
    {
        "slug": "mentoring",
        "name_en": "Mentoring",
        "name_fr": "Mentorat",
        "summary_en": "A caring adult or older peer meets a young person regularly over months "
        "or years, offering support, guidance and a positive model.",
        "summary_fr": "Un adulte bienveillant ou un pair plus âgé rencontre régulièrement un "
        "jeune pendant des mois ou des années, et lui offre soutien, conseils et modèle positif.",
        "topics": ["youth-gang-violence"],
    },
    {
        "slug": "early-childhood-parenting",
        "name_en": "Early childhood education and parenting support",
        "name_fr": "Éducation de la petite enfance et soutien parental",
        "summary_en": "Quality preschool and home visits by nurses or trained staff that give "
        "children a strong start and support parents, with effects lasting into adulthood.",
        "summary_fr": "Une éducation préscolaire de qualité et des visites à domicile "
        "d'infirmières ou d'intervenants formés qui donnent aux enfants un bon départ et "
        "soutiennent les parents, avec des effets qui durent jusqu'à l'âge adulte.",
        "topics": ["youth-gang-violence", "inner-cities"],
    },
    {
        "slug": "school-based-skills",
        "name_en": "School-based life and relationship skills",
        "name_fr": "Compétences de vie et relationnelles à l'école",
        "summary_en": "Classroom curricula that teach young people to manage emotions, resist "
        "pressure, solve problems and build healthy relationships.",
        "summary_fr": "Des programmes en classe qui apprennent aux jeunes à gérer leurs "
        "émotions, à résister aux pressions, à résoudre des problèmes et à bâtir des relations "
        "saines.",
        "topics": ["school-violence", "substance-use", "violence-against-women"],
    },
    {
        "slug": "comprehensive-community-safety",
        "name_en": "Comprehensive community safety strategies (CCSS)",
        "name_fr": "Stratégies globales de sécurité communautaire (SGSC)",
        "summary_en": "A municipality leads health, social services, housing, schools and "
        "police in a plan that tackles the diagnosed risk factors of crime, with lasting "
        "funding and measured outcomes.",
        "summary_fr": "Une municipalité mobilise la santé, les services sociaux, le logement, "
        "les écoles et la police autour d'un plan qui s'attaque aux facteurs de risque "
        "diagnostiqués, avec un financement durable et des résultats mesurés.",
        "topics": ["inner-cities", "youth-gang-violence"],
    },
]
