# ruff: noqa: E501 - prose strings of seed content, wrapped by the formatter
"""The programs the seed names, summarised in our own words. Ratings only where the published
rating is known with its source; everything else stays "not rated". Figures carry a source."""

BLUEPRINTS_MODELS = "https://www.blueprintsprograms.org/criteria"


def _p(slug, name_en, name_fr, summary_en, summary_fr, **kw):
    return {"slug": slug, "name_en": name_en, "name_fr": name_fr, "summary_en": summary_en,
            "summary_fr": summary_fr, **kw}  # fmt: skip


PROGRAMS = [
    _p(
        "cardiff-model",
        "Cardiff Model for violence prevention",
        "Modèle de Cardiff de prévention de la violence",
        "Hospital emergency departments collect a few anonymised facts from every patient "
        "injured in an assault (where, when, with what weapon) and share them with police and the "
        "city, who use them to target licensed premises, streets and hours where violence "
        "concentrates.",
        "Les urgences hospitalières recueillent quelques renseignements anonymes auprès de chaque "
        "victime d'agression (lieu, heure, arme) et les transmettent à la police et à la ville, "
        "qui ciblent ainsi les bars, les rues et les heures où la violence se concentre.",
        goals_en="Fewer violence-related injuries\nBetter knowledge of where violence happens",
        goals_fr="Moins de blessures liées à la violence\nMieux savoir où la violence survient",
        components_en="Data collection at triage\nAnonymised sharing with police and the city\n"
        "A violence prevention board acting on the data",
        components_fr="Collecte de données au triage\nPartage anonymisé avec la police et la ville\n"
        "Un comité de prévention de la violence qui agit sur ces données",
        age_groups=["young_adults", "adults"],
        genders=["all"],
        risk_levels=["universal"],
        settings=["health", "police", "community"],
        continuum=["primary", "secondary"],
        cswb_levels=["prevention"],
        approaches=["situational", "public_health", "problem_oriented"],
        ccss_sectors=["health", "policing", "municipal"],
        topics=["inner-cities", "substance-use"],
        risk_factors=["substance-misuse"],
        practices=["health-data-sharing"],
        studies=[
            {
                "citation": "Florence C, Shepherd J, Brennan I, Simon T (2011). Effectiveness of "
                "anonymised information sharing and use in health service, police, and local "
                "government partnership for preventing violence related injury. BMJ 342:d3313.",
                "design": "quasi",
                "sample": "Cardiff and 14 comparison cities",
                "country": "UK",
                "finding_en": "Hospital admissions for violence fell markedly in Cardiff compared "
                "with similar cities.",
                "finding_fr": "Les hospitalisations liées à la violence ont nettement diminué à "
                "Cardiff par rapport à des villes semblables.",
                "effect_size": "42% fewer admissions relative to comparison cities",
                "url": "https://doi.org/10.1136/bmj.d3313",
            }
        ],
    ),
    _p(
        "cure-violence",
        "Cure Violence (Chicago CeaseFire)",
        "Cure Violence (CeaseFire de Chicago)",
        "Treats gun and gang violence like a contagious disease: outreach workers and violence "
        "interrupters from the neighbourhood detect conflicts, mediate them before anyone "
        "shoots, and work with the young men most at risk, while the community campaigns to "
        "change norms about violence.",
        "Traite la violence armée et la violence des gangs comme une maladie contagieuse : des "
        "intervenants de rue et des « interrupteurs de violence » issus du quartier repèrent les "
        "conflits, les désamorcent avant les coups de feu et accompagnent les jeunes hommes les "
        "plus à risque, pendant que la communauté se mobilise pour changer les normes.",
        goals_en="Fewer shootings and killings\nChange community norms about violence",
        goals_fr="Moins de fusillades et d'homicides\nChanger les normes de la communauté face à "
        "la violence",
        components_en="Violence interrupters\nOutreach workers\nCommunity mobilization\n"
        "Public education\nFaith leaders' involvement",
        components_fr="Interrupteurs de violence\nIntervenants de rue\nMobilisation "
        "communautaire\nSensibilisation du public\nParticipation des leaders religieux",
        age_groups=["youth", "young_adults"],
        genders=["men"],
        risk_levels=["high_risk"],
        settings=["community"],
        continuum=["secondary", "tertiary"],
        cswb_levels=["risk_intervention", "incident_response"],
        approaches=["outreach", "public_health"],
        ccss_sectors=["community", "health", "policing"],
        topics=["youth-gang-violence", "inner-cities"],
        risk_factors=["antisocial-peers"],
        practices=["violence-interruption"],
        website="https://cvg.org",
        setup_time_en="At least a year",
        setup_time_fr="Au moins un an",
        examples=[
            {
                "place": "Halifax, Nova Scotia",
                "organization": "CeaseFire Halifax",
                "description_en": "A replication of the model in Halifax neighbourhoods.",
                "description_fr": "Une reproduction du modèle dans des quartiers d'Halifax.",
                "municipality": "Halifax",
            }
        ],
        studies=[
            {
                "citation": "Skogan WG, Hartnett SM, Bump N, Dubois J (2008). Evaluation of "
                "CeaseFire-Chicago. Northwestern University.",
                "design": "quasi",
                "sample": "Seven Chicago police beats and comparison areas",
                "country": "USA",
                "finding_en": "Shootings fell in most program areas, several of them more than in "
                "comparison areas.",
                "finding_fr": "Les fusillades ont diminué dans la plupart des secteurs du programme, "
                "dans plusieurs plus que dans les secteurs de comparaison.",
            }
        ],
    ),
    _p(
        "glasgow-vru",
        "Glasgow Violence Reduction Unit",
        "Unité de réduction de la violence de Glasgow",
        "Scotland's police-led unit treats violence as a public health problem: it brings "
        "health, education, social work and communities together around long-term prevention "
        "and gave Glasgow, once known for knife and gang violence, a national strategy.",
        "Cette unité écossaise dirigée par la police traite la violence comme un problème de "
        "santé publique : elle réunit la santé, l'éducation, le travail social et les "
        "communautés autour d'une prévention à long terme et a donné à Glasgow, autrefois "
        "connue pour la violence des gangs et les couteaux, une stratégie nationale.",
        age_groups=["youth", "young_adults", "adults"],
        genders=["all"],
        risk_levels=["universal", "at_risk"],
        settings=["police", "community", "health"],
        continuum=["primary", "secondary", "tertiary"],
        cswb_levels=["social_development", "prevention", "risk_intervention"],
        approaches=["public_health", "comprehensive"],
        ccss_sectors=["policing", "health", "schools", "social_services", "community"],
        topics=["youth-gang-violence", "inner-cities"],
        risk_factors=["antisocial-peers"],
        practices=["comprehensive-community-safety"],
        website="https://www.svru.co.uk",
    ),
    _p(
        "cirv",
        "Community Initiative to Reduce Violence (CIRV), Glasgow",
        "Initiative communautaire de réduction de la violence (CIRV), Glasgow",
        "Glasgow's focused deterrence program for gang members: at 'self-referral sessions' "
        "police and community voices tell gangs that violence must stop, and offer a helpline "
        "to education, jobs, health and housing services for those who sign a no-violence "
        "pledge.",
        "Programme de dissuasion ciblée de Glasgow pour les membres de gangs : lors de séances "
        "d'« autoréférence », la police et la communauté annoncent aux gangs que la violence "
        "doit cesser et offrent une ligne d'aide vers l'école, l'emploi, la santé et le "
        "logement à ceux qui s'engagent à renoncer à la violence.",
        age_groups=["youth", "young_adults"],
        genders=["men"],
        risk_levels=["high_risk"],
        settings=["police", "community", "justice"],
        continuum=["tertiary"],
        cswb_levels=["risk_intervention"],
        approaches=["enforcement", "outreach"],
        ccss_sectors=["policing", "social_services", "health", "housing"],
        topics=["youth-gang-violence", "repeat-offending"],
        risk_factors=["antisocial-peers", "unemployment"],
        practices=["focused-deterrence"],
        studies=[
            {
                "citation": "Williams DJ, Currie D, Linden W, Donnelly PD (2014). Addressing "
                "gang-related violence in Glasgow: a preliminary pragmatic quasi-experimental "
                "evaluation of the Community Initiative to Reduce Violence (CIRV). Aggression and "
                "Violent Behavior 19(6):686-691.",
                "design": "quasi",
                "sample": "Gang members engaged with CIRV and a comparison group",
                "country": "UK",
                "finding_en": "Participants' violent offending fell more than the comparison group's.",
                "finding_fr": "Les infractions violentes des participants ont diminué davantage que "
                "celles du groupe de comparaison.",
            }
        ],
    ),
    _p(
        "green-dot",
        "Green Dot",
        "Green Dot",
        "A bystander program: persuasive students and staff are trained to recognise moments "
        "that may lead to sexual or dating violence and to act, directly or by getting help, "
        "so that violence is no longer tolerated in a school or campus.",
        "Un programme de témoins actifs : des élèves et des membres du personnel influents "
        "apprennent à reconnaître les moments pouvant mener à la violence sexuelle ou dans les "
        "fréquentations et à agir, directement ou en cherchant de l'aide, pour que la violence "
        "ne soit plus tolérée à l'école ou sur le campus.",
        age_groups=["youth", "young_adults"],
        genders=["all"],
        risk_levels=["universal"],
        settings=["school"],
        continuum=["primary"],
        cswb_levels=["prevention"],
        approaches=["developmental", "skills"],
        ccss_sectors=["schools", "community"],
        topics=["violence-against-women", "school-violence"],
        risk_factors=["harmful-gender-norms"],
        practices=["bystander-programs"],
        setup_time_en="At least a year",
        setup_time_fr="Au moins un an",
        studies=[
            {
                "citation": "Coker AL, Bush HM, Cook-Craig PG, et al. (2017). RCT testing bystander "
                "effectiveness to reduce violence. American Journal of Preventive Medicine "
                "52(5):566-578.",
                "design": "rct",
                "sample": "26 high schools",
                "country": "USA",
                "finding_en": "Less sexual violence perpetration and victimisation in the schools "
                "that received the program.",
                "finding_fr": "Moins de violence sexuelle commise et subie dans les écoles ayant "
                "reçu le programme.",
                "url": "https://doi.org/10.1016/j.amepre.2017.01.020",
            }
        ],
    ),
    _p(
        "snap",
        "SNAP (Stop Now And Plan)",
        "SNAP (Stop Now And Plan – Arrête, réfléchis, agis)",
        "A Canadian cognitive-behavioural program for children aged 6 to 11 with aggressive or "
        "rule-breaking behaviour and their parents: children learn to stop, calm down and plan "
        "a better response, and parents learn the same strategy.",
        "Programme cognitivo-comportemental canadien pour les enfants de 6 à 11 ans ayant des "
        "comportements agressifs ou d'opposition, et pour leurs parents : les enfants "
        "apprennent à s'arrêter, à se calmer et à planifier une meilleure réaction, et les "
        "parents apprennent la même stratégie.",
        age_groups=["children", "families"],
        genders=["all"],
        risk_levels=["at_risk"],
        settings=["community", "family"],
        continuum=["secondary"],
        cswb_levels=["risk_intervention"],
        approaches=["developmental", "skills"],
        ccss_sectors=["community", "social_services", "policing"],
        topics=["youth-gang-violence"],
        risk_factors=["early-aggression", "harsh-parenting"],
        website="https://stopnowandplan.com",
        examples=[
            {
                "place": "Toronto, Ontario",
                "organization": "Child Development Institute",
                "description_en": "Where SNAP was developed, and still delivered.",
                "description_fr": "Là où SNAP a été conçu et où il est toujours offert.",
                "municipality": "Toronto",
            }
        ],
        studies=[
            {
                "citation": "Augimeri LK, Farrington DP, Koegl CJ, Day DM (2007). The SNAP Under 12 "
                "Outreach Project: effects of a community based program for children with conduct "
                "problems. Journal of Child and Family Studies 16:799-807.",
                "design": "rct",
                "sample": "Children under 12 with conduct problems",
                "country": "Canada",
                "finding_en": "Fewer conduct problems and delinquent behaviours than the comparison "
                "children.",
                "finding_fr": "Moins de troubles de comportement et de délinquance que chez les "
                "enfants de comparaison.",
            }
        ],
    ),
    _p(
        "fourth-r",
        "The Fourth R",
        "La quatrième R (The Fourth R)",
        "A Canadian school curriculum that teaches relationship skills as the 'fourth R' beside "
        "reading, writing and arithmetic, to prevent dating violence, bullying and substance "
        "misuse among teenagers.",
        "Programme scolaire canadien qui enseigne les relations saines comme « quatrième R » "
        "à côté de la lecture, de l'écriture et du calcul, afin de prévenir la violence dans "
        "les fréquentations, l'intimidation et la consommation problématique chez les ados.",
        age_groups=["youth"],
        genders=["all"],
        risk_levels=["universal"],
        settings=["school"],
        continuum=["primary"],
        cswb_levels=["social_development", "prevention"],
        approaches=["skills", "developmental"],
        ccss_sectors=["schools"],
        topics=["violence-against-women", "school-violence", "substance-use"],
        risk_factors=["harmful-gender-norms", "school-engagement"],
        practices=["school-based-skills"],
        website="https://youthrelationships.org",
        examples=[
            {
                "place": "London, Ontario",
                "organization": "Centre for School Mental Health, Western University",
                "description_en": "Developed and trialled in Ontario schools.",
                "description_fr": "Conçu et évalué dans des écoles de l'Ontario.",
                "municipality": "London",
            }
        ],
        studies=[
            {
                "citation": "Wolfe DA, Crooks C, Jaffe P, et al. (2009). A school-based program to "
                "prevent adolescent dating violence: a cluster randomized trial. Archives of "
                "Pediatrics and Adolescent Medicine 163(8):692-699.",
                "design": "rct",
                "sample": "1,722 students in 20 schools",
                "country": "Canada",
                "finding_en": "Less physical dating violence two and a half years later, mainly "
                "among boys.",
                "finding_fr": "Moins de violence physique dans les fréquentations deux ans et demi "
                "plus tard, surtout chez les garçons.",
            }
        ],
    ),
    _p(
        "lifeskills-training",
        "LifeSkills Training",
        "LifeSkills Training (compétences de vie)",
        "A classroom program over three years of middle school that teaches self-management, "
        "social skills and skills to resist drugs, alcohol and tobacco, with booster sessions.",
        "Programme en classe sur trois années du début du secondaire qui enseigne la maîtrise "
        "de soi, les habiletés sociales et la résistance aux drogues, à l'alcool et au tabac, "
        "avec des séances de rappel.",
        age_groups=["youth"],
        genders=["all"],
        risk_levels=["universal"],
        settings=["school"],
        continuum=["primary"],
        cswb_levels=["social_development"],
        approaches=["skills", "developmental"],
        ccss_sectors=["schools"],
        topics=["substance-use", "school-violence"],
        risk_factors=["substance-misuse"],
        practices=["school-based-skills"],
        website="https://www.lifeskillstraining.com",
        ratings=[
            {
                "source": "blueprints",
                "level": "model",
                "url": BLUEPRINTS_MODELS,
                "basis": "multiple",
            }
        ],
        studies=[
            {
                "citation": "Botvin GJ, Baker E, Dusenbury L, Botvin EM, Diaz T (1995). Long-term "
                "follow-up results of a randomized drug abuse prevention trial in a white "
                "middle-class population. JAMA 273(14):1106-1112.",
                "design": "rct",
                "sample": "56 schools",
                "country": "USA",
                "finding_en": "Less tobacco, alcohol and marijuana use at the end of high school.",
                "finding_fr": "Moins de consommation de tabac, d'alcool et de cannabis à la fin du "
                "secondaire.",
            }
        ],
    ),
    _p(
        "big-brothers-big-sisters",
        "Big Brothers Big Sisters community mentoring",
        "Mentorat communautaire des Grands Frères Grandes Sœurs",
        "Trained volunteers are matched one to one with a child or teenager from a "
        "single-parent or struggling family and meet several times a month for at least a "
        "year, with caseworkers supporting each match.",
        "Des bénévoles formés sont jumelés à un enfant ou un adolescent de famille monoparentale "
        "ou en difficulté et le rencontrent plusieurs fois par mois pendant au moins un an, "
        "avec l'appui d'intervenants pour chaque jumelage.",
        age_groups=["children", "youth"],
        genders=["all"],
        risk_levels=["at_risk"],
        settings=["community"],
        continuum=["primary", "secondary"],
        cswb_levels=["social_development", "prevention"],
        approaches=["mentoring"],
        ccss_sectors=["community"],
        topics=["youth-gang-violence"],
        risk_factors=["lone-parent-families", "prosocial-adults"],
        practices=["mentoring"],
        website="https://bigbrothersbigsisters.ca",
        examples=[
            {
                "place": "Across Canada",
                "organization": "Big Brothers Big Sisters of Canada",
                "description_en": "Local agencies in communities across the country.",
                "description_fr": "Des organismes locaux dans des collectivités partout au pays.",
            }
        ],
        studies=[
            {
                "citation": "Tierney JP, Grossman JB, Resch NL (1995). Making a Difference: An "
                "Impact Study of Big Brothers/Big Sisters. Public/Private Ventures.",
                "design": "rct",
                "sample": "959 youth aged 10 to 16",
                "country": "USA",
                "finding_en": "After 18 months, mentored youth were less likely to start using "
                "illegal drugs and to hit someone.",
                "finding_fr": "Après 18 mois, les jeunes jumelés étaient moins susceptibles de "
                "commencer à consommer des drogues illégales et de frapper quelqu'un.",
                "effect_size": "46% less likely to start using illegal drugs",
            }
        ],
    ),
    _p(
        "perry-preschool",
        "HighScope Perry Preschool",
        "Préscolaire Perry (HighScope)",
        "A high-quality, active-learning preschool for three- and four-year-olds from "
        "low-income families, with weekly home visits to parents; followed up to age 40 and "
        "beyond.",
        "Une éducation préscolaire de grande qualité, axée sur l'apprentissage actif, pour des "
        "enfants de trois et quatre ans de familles à faible revenu, avec des visites "
        "hebdomadaires aux parents; suivie jusqu'à 40 ans et au-delà.",
        age_groups=["early_childhood", "families"],
        genders=["all"],
        risk_levels=["at_risk"],
        settings=["school", "family"],
        continuum=["primary"],
        cswb_levels=["social_development"],
        approaches=["early_childhood"],
        ccss_sectors=["schools", "social_services"],
        topics=["youth-gang-violence", "inner-cities"],
        risk_factors=["low-income", "low-education", "school-engagement"],
        practices=["early-childhood-parenting"],
        website="https://highscope.org",
        studies=[
            {
                "citation": "Schweinhart LJ, Montie J, Xiang Z, et al. (2005). Lifetime Effects: "
                "The High/Scope Perry Preschool Study Through Age 40. High/Scope Press.",
                "design": "rct",
                "sample": "123 children",
                "country": "USA",
                "finding_en": "By age 40, fewer of those who attended had been arrested five times "
                "or more.",
                "finding_fr": "À 40 ans, moins de participants avaient été arrêtés cinq fois ou plus.",
                "effect_size": "36% vs 55% arrested five or more times",
            }
        ],
        economics=[
            {
                "kind": "bcr",
                "value": "16.14",
                "currency": "USD",
                "year": 2000,
                "discount_rate": "3",
                "source": "Schweinhart et al. (2005), Lifetime Effects: the High/Scope Perry "
                "Preschool Study Through Age 40 (total return to society per dollar invested).",
            }
        ],
    ),
    _p(
        "nurse-family-partnership",
        "Nurse-Family Partnership",
        "Partenariat infirmière-famille (Nurse-Family Partnership)",
        "Nurses visit young, first-time, low-income mothers at home from pregnancy until the "
        "child is two, supporting prenatal health, parenting and the mother's own plans.",
        "Des infirmières visitent à domicile de jeunes mères à faible revenu attendant leur "
        "premier enfant, de la grossesse jusqu'aux deux ans de l'enfant, pour soutenir la santé "
        "prénatale, le rôle parental et les projets de la mère.",
        age_groups=["early_childhood", "families"],
        genders=["women"],
        risk_levels=["at_risk"],
        settings=["family", "health"],
        continuum=["primary", "secondary"],
        cswb_levels=["social_development"],
        approaches=["early_childhood"],
        ccss_sectors=["health", "child_welfare"],
        topics=["violence-against-women"],
        risk_factors=["low-income", "harsh-parenting", "positive-parenting"],
        practices=["early-childhood-parenting"],
        website="https://www.nursefamilypartnership.org",
        ratings=[
            {
                "source": "blueprints",
                "level": "model",
                "url": BLUEPRINTS_MODELS,
                "basis": "multiple",
            }
        ],
        examples=[
            {
                "place": "British Columbia",
                "organization": "BC Healthy Connections Project",
                "description_en": "A provincial trial of the program in British Columbia.",
                "description_fr": "Un essai provincial du programme en Colombie-Britannique.",
            }
        ],
        studies=[
            {
                "citation": "Olds DL, Eckenrode J, Henderson CR, et al. (1997). Long-term effects "
                "of home visitation on maternal life course and child abuse and neglect: "
                "fifteen-year follow-up of a randomized trial. JAMA 278(8):637-643.",
                "design": "rct",
                "sample": "400 women",
                "country": "USA",
                "finding_en": "Fewer verified reports of child abuse and neglect over 15 years.",
                "finding_fr": "Moins de signalements confirmés de mauvais traitements et de "
                "négligence sur 15 ans.",
            }
        ],
    ),
    _p(
        "community-mobilization-prince-albert",
        "Community Mobilization Prince Albert (the Hub)",
        "Mobilisation communautaire de Prince Albert (le Hub)",
        "Saskatchewan's Hub model: police, schools, health, social services and others meet "
        "twice a week to bring help within 24 to 48 hours to people facing acutely elevated "
        "risk, part of the province's Building Partnerships to Reduce Crime and now spread to "
        "other provinces.",
        "Le modèle Hub de la Saskatchewan : la police, les écoles, la santé, les services "
        "sociaux et d'autres se réunissent deux fois par semaine pour offrir de l'aide en 24 à "
        "48 heures aux personnes en situation de risque très élevé; il s'inscrit dans "
        "l'initiative provinciale Building Partnerships to Reduce Crime et s'est répandu dans "
        "d'autres provinces.",
        age_groups=["youth", "young_adults", "adults", "families"],
        genders=["all"],
        risk_levels=["high_risk"],
        settings=["community", "police", "health"],
        continuum=["secondary", "tertiary"],
        cswb_levels=["risk_intervention"],
        approaches=["comprehensive", "outreach"],
        ccss_sectors=[
            "policing",
            "schools",
            "health",
            "social_services",
            "addictions",
            "child_welfare",
        ],
        topics=["inner-cities", "mental-health-crisis", "repeat-offending"],
        risk_factors=["substance-misuse", "housing-stress"],
        practices=["situation-tables"],
        examples=[
            {
                "place": "Prince Albert, Saskatchewan",
                "organization": "Community Mobilization Prince Albert",
                "description_en": "The first Hub, started in 2011.",
                "description_fr": "Le premier Hub, lancé en 2011.",
                "started_year": 2011,
                "municipality": "Prince Albert",
            }
        ],
        studies=[
            {
                "citation": "Nilson C (2014). Risk-Driven Collaborative Intervention: A Preliminary "
                "Impact Assessment of Community Mobilization Prince Albert's Hub Model. Centre for "
                "Forensic Behavioural Science and Justice Studies, University of Saskatchewan.",
                "design": "other",
                "sample": "Hub situations and partner agencies",
                "country": "Canada",
                "finding_en": "Describes faster, coordinated access to services; not an outcome "
                "trial.",
                "finding_fr": "Décrit un accès plus rapide et concerté aux services; ce n'est pas "
                "une évaluation des résultats.",
            }
        ],
    ),
    _p(
        "reach-edmonton",
        "REACH Edmonton Council for Safe Communities",
        "REACH Edmonton, conseil pour des collectivités sûres",
        "Edmonton's council brings city, police, agencies and communities together to act on "
        "the roots of crime, with programs such as 24/7 crisis diversion, school-based "
        "outreach and community safety hubs.",
        "Ce conseil d'Edmonton réunit la ville, la police, les organismes et les communautés "
        "pour agir sur les causes de la criminalité, avec des programmes comme la "
        "déjudiciarisation de crise 24 h sur 24, l'intervention en milieu scolaire et des "
        "carrefours de sécurité communautaire.",
        age_groups=["youth", "adults", "families"],
        genders=["all"],
        risk_levels=["universal", "at_risk"],
        settings=["community", "school"],
        continuum=["primary", "secondary"],
        cswb_levels=["social_development", "prevention", "risk_intervention"],
        approaches=["comprehensive", "outreach"],
        ccss_sectors=["municipal", "policing", "community", "schools", "social_services"],
        topics=["inner-cities", "youth-gang-violence", "mental-health-crisis"],
        risk_factors=["community-cohesion"],
        practices=["comprehensive-community-safety"],
        website="https://reachedmonton.ca",
        examples=[
            {
                "place": "Edmonton, Alberta",
                "organization": "REACH Edmonton",
                "description_en": "A municipal council for community safety.",
                "description_fr": "Un conseil municipal pour la sécurité communautaire.",
                "municipality": "Edmonton",
            }
        ],
    ),
    _p(
        "winnipeg-21-block",
        "Winnipeg's comprehensive community safety strategy in a 21-block area",
        "Stratégie globale de sécurité communautaire de Winnipeg dans un secteur de 21 pâtés "
        "de maisons",
        "Winnipeg concentrated a comprehensive community safety strategy on a 21-block "
        "inner-city area, with provincial funds, combining social services, housing, "
        "recreation and policing around the risks the neighbourhood faces.",
        "Winnipeg a concentré une stratégie globale de sécurité communautaire sur un secteur "
        "central de 21 pâtés de maisons, avec des fonds provinciaux, en combinant services "
        "sociaux, logement, loisirs et police autour des risques propres au quartier.",
        age_groups=["youth", "adults", "families"],
        genders=["all"],
        risk_levels=["universal", "at_risk"],
        settings=["community"],
        continuum=["primary", "secondary"],
        cswb_levels=["social_development", "prevention"],
        approaches=["comprehensive"],
        ccss_sectors=["municipal", "policing", "housing", "social_services", "community"],
        topics=["inner-cities"],
        risk_factors=["low-income", "housing-stress", "community-cohesion"],
        practices=["comprehensive-community-safety"],
        examples=[
            {
                "place": "Winnipeg, Manitoba",
                "organization": "City of Winnipeg",
                "description_en": "The 21-block area strategy, funded by the province.",
                "description_fr": "La stratégie du secteur de 21 pâtés, financée par la province.",
                "municipality": "Winnipeg",
            }
        ],
    ),
    _p(
        "halifax-municipal-partnership",
        "Halifax's municipal-led community safety partnership",
        "Partenariat de sécurité communautaire dirigé par la municipalité d'Halifax",
        "Halifax moved the leadership of its community safety partnership from the police to "
        "the municipality, so that prevention draws on every municipal service and partner "
        "rather than on policing alone.",
        "Halifax a confié à la municipalité, plutôt qu'à la police, la direction de son "
        "partenariat de sécurité communautaire, afin que la prévention mobilise tous les "
        "services municipaux et partenaires et pas seulement la police.",
        age_groups=["youth", "adults"],
        genders=["all"],
        risk_levels=["universal"],
        settings=["community"],
        continuum=["primary"],
        cswb_levels=["social_development", "prevention"],
        approaches=["comprehensive"],
        ccss_sectors=["municipal", "policing", "community"],
        topics=["inner-cities", "youth-gang-violence"],
        risk_factors=["community-cohesion"],
        practices=["comprehensive-community-safety"],
        examples=[
            {
                "place": "Halifax, Nova Scotia",
                "organization": "Halifax Regional Municipality",
                "description_en": "Community safety led by the municipality.",
                "description_fr": "La sécurité communautaire dirigée par la municipalité.",
                "municipality": "Halifax",
            }
        ],
    ),
    _p(
        "communities-that-care",
        "Communities That Care",
        "Communities That Care (CTC)",
        "A community coalition uses a youth survey to find its highest risk factors and lowest "
        "protective factors, then chooses tested programs that address them and tracks "
        "progress; grown from the Seattle Social Development Research Group's work.",
        "Une coalition communautaire s'appuie sur un sondage auprès des jeunes pour cerner ses "
        "facteurs de risque les plus élevés et ses facteurs de protection les plus faibles, "
        "puis choisit des programmes éprouvés qui y répondent et suit ses progrès; issu des "
        "travaux du Social Development Research Group de Seattle.",
        age_groups=["children", "youth"],
        genders=["all"],
        risk_levels=["universal"],
        settings=["community", "school"],
        continuum=["primary"],
        cswb_levels=["social_development", "prevention"],
        approaches=["comprehensive", "public_health"],
        ccss_sectors=["municipal", "schools", "community", "health"],
        topics=["youth-gang-violence", "substance-use"],
        risk_factors=["school-disengagement", "antisocial-peers", "community-cohesion"],
        practices=["comprehensive-community-safety"],
        website="https://www.communitiesthatcare.net",
        studies=[
            {
                "citation": "Hawkins JD, Oesterle S, Brown EC, et al. (2009). Results of a type 2 "
                "translational research trial to prevent adolescent drug use and delinquency: a "
                "test of Communities That Care. Archives of Pediatrics and Adolescent Medicine "
                "163(9):789-798.",
                "design": "rct",
                "sample": "24 communities in 7 states",
                "country": "USA",
                "finding_en": "Fewer young people began delinquent behaviour by grade 8.",
                "finding_fr": "Moins de jeunes ont commencé à commettre des actes délinquants avant "
                "la 8e année.",
            }
        ],
    ),
    _p(
        "seattle-social-development-project",
        "Seattle Social Development Project",
        "Projet de développement social de Seattle",
        "An elementary-school program that trains teachers in classroom management and "
        "cooperative learning, teaches children social skills and offers parents training, "
        "so children bond to school and family.",
        "Programme du primaire qui forme les enseignants à la gestion de classe et à "
        "l'apprentissage coopératif, enseigne aux enfants des habiletés sociales et offre une "
        "formation aux parents, afin que les enfants s'attachent à l'école et à la famille.",
        age_groups=["children", "families"],
        genders=["all"],
        risk_levels=["universal"],
        settings=["school", "family"],
        continuum=["primary"],
        cswb_levels=["social_development"],
        approaches=["developmental", "skills"],
        ccss_sectors=["schools"],
        topics=["youth-gang-violence", "school-violence"],
        risk_factors=["school-engagement", "positive-parenting", "school-disengagement"],
        practices=["school-based-skills"],
        studies=[
            {
                "citation": "Hawkins JD, Catalano RF, Kosterman R, Abbott R, Hill KG (1999). "
                "Preventing adolescent health-risk behaviors by strengthening protection during "
                "childhood. Archives of Pediatrics and Adolescent Medicine 153(3):226-234.",
                "design": "quasi",
                "sample": "643 students",
                "country": "USA",
                "finding_en": "At 18, less violent delinquency and heavy drinking among those who "
                "had the full program.",
                "finding_fr": "À 18 ans, moins de délinquance violente et de consommation excessive "
                "d'alcool chez ceux qui avaient suivi tout le programme.",
            }
        ],
    ),
]
