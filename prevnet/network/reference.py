"""Reference geography: the network's regions and Statistics Canada's provinces and territories.

Source of the codes: Statistics Canada, Standard Geographical Classification (SGC) 2021.
"""

REGIONS = [
    # code, English, French
    ("atlantic", "Atlantic", "Atlantique"),
    ("quebec", "Quebec", "Québec"),
    ("ontario", "Ontario", "Ontario"),
    ("prairies", "Prairies", "Prairies"),
    ("bc", "British Columbia", "Colombie-Britannique"),
    ("north", "The North", "Le Nord"),
]

PROVINCES = [
    # SGC code, abbreviation, English, French, region
    ("10", "NL", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador", "atlantic"),
    ("11", "PE", "Prince Edward Island", "Île-du-Prince-Édouard", "atlantic"),
    ("12", "NS", "Nova Scotia", "Nouvelle-Écosse", "atlantic"),
    ("13", "NB", "New Brunswick", "Nouveau-Brunswick", "atlantic"),
    ("24", "QC", "Quebec", "Québec", "quebec"),
    ("35", "ON", "Ontario", "Ontario", "ontario"),
    ("46", "MB", "Manitoba", "Manitoba", "prairies"),
    ("47", "SK", "Saskatchewan", "Saskatchewan", "prairies"),
    ("48", "AB", "Alberta", "Alberta", "prairies"),
    ("59", "BC", "British Columbia", "Colombie-Britannique", "bc"),
    ("60", "YT", "Yukon", "Yukon", "north"),
    ("61", "NT", "Northwest Territories", "Territoires du Nord-Ouest", "north"),
    ("62", "NU", "Nunavut", "Nunavut", "north"),
]


def load_reference(region_model, province_model) -> None:
    """Create or update the regions and provinces (used by a migration and by tests)."""
    regions = {}
    for order, (code, en, fr) in enumerate(REGIONS):
        regions[code], _ = region_model.objects.update_or_create(
            code=code, defaults={"name_en": en, "name_fr": fr, "order": order}
        )
    for sgc, abbr, en, fr, region in PROVINCES:
        province_model.objects.update_or_create(
            sgc_code=sgc,
            defaults={
                "abbreviation": abbr,
                "name_en": en,
                "name_fr": fr,
                "region": regions[region],
            },
        )
