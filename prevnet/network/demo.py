"""The demo network: real municipalities and organizations, fictitious people.

Sources of the municipal facts (public):
- Census subdivision (CSD) codes: Statistics Canada, Standard Geographical Classification
  (SGC) 2021. A CSD code's first two digits are its province's SGC code.
- Populations: Statistics Canada, Census of Population 2021, Population and Dwelling Count
  tables (census subdivisions), released 2022-02-09.
- Coordinates: each city centre, rounded to two decimals. Websites: the official ones.
Checked against the Statistics Canada “Focus on Geography” pages and the Open Civic Data
division identifiers (opencivicdata/ocd-division-ids, ca_census_subdivisions.csv).

The municipalities named in the seed (Ottawa, Edmonton, Winnipeg, Halifax, Prince Albert) come
first, then others from every region. Memberships, engagement dates and every person are
invented for the demo and marked ``is_demo``. Loading is idempotent: it creates what is missing
and corrects what differs, so a second run changes nothing and adds no edit history. Records
that were not created by the demo (``is_demo`` false) are never modified.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from prevnet.core.models import Role, User
from prevnet.network.models import (
    EngagementEvent,
    Municipality,
    Organization,
    Person,
    Province,
)

DEMO_PASSWORD = "prevnet-demo-2026"  # noqa: S105 - printed by `make run`; demo data only


# fmt: off
# name, province, CSD code, 2021 population, latitude, longitude, website, membership, joined
MUNICIPALITIES = [
    ('Ottawa', 'ON', '3506008', 1017449, 45.42, -75.7, 'https://ottawa.ca', 'member', '2006-05-01'),
    ('Edmonton', 'AB', '4811061', 1010899, 53.55, -113.49, 'https://www.edmonton.ca', 'member', '2006-05-01'),
    ('Winnipeg', 'MB', '4611040', 749607, 49.9, -97.14, 'https://www.winnipeg.ca', 'member', '2006-05-01'),
    ('Halifax', 'NS', '1209034', 439819, 44.65, -63.58, 'https://www.halifax.ca', 'member', '2008-09-15'),
    ('Prince Albert', 'SK', '4715066', 37756, 53.2, -105.75, 'https://www.citypa.ca', 'member', '2011-03-01'),
    ('Toronto', 'ON', '3520005', 2794356, 43.65, -79.38, 'https://www.toronto.ca', 'member', '2006-05-01'),
    ('Montréal', 'QC', '2466023', 1762949, 45.5, -73.57, 'https://montreal.ca', 'member', '2007-01-15'),
    ('Québec', 'QC', '2423027', 549459, 46.81, -71.21, 'https://www.ville.quebec.qc.ca', 'member', '2010-06-01'),
    ('Gatineau', 'QC', '2481017', 291041, 45.48, -75.7, 'https://www.gatineau.ca', 'prospective', None),
    ('Longueuil', 'QC', '2458227', 254483, 45.53, -73.52, 'https://www.longueuil.quebec', 'prospective', None),
    ('Calgary', 'AB', '4806016', 1306784, 51.05, -114.07, 'https://www.calgary.ca', 'member', '2006-05-01'),
    ('Saskatoon', 'SK', '4711066', 266141, 52.13, -106.67, 'https://www.saskatoon.ca', 'member', '2009-02-01'),
    ('Regina', 'SK', '4706027', 226404, 50.45, -104.61, 'https://www.regina.ca', 'member', '2009-02-01'),
    ('Vancouver', 'BC', '5915022', 662248, 49.28, -123.12, 'https://vancouver.ca', 'member', '2006-05-01'),
    ('Surrey', 'BC', '5915004', 568322, 49.19, -122.85, 'https://www.surrey.ca', 'member', '2012-04-01'),
    ('Victoria', 'BC', '5917034', 91867, 48.43, -123.37, 'https://www.victoria.ca', 'former', '2010-01-01'),
    ('Thunder Bay', 'ON', '3558004', 108843, 48.38, -89.25, 'https://www.thunderbay.ca', 'member', '2013-05-01'),
    ('Moncton', 'NB', '1307022', 79470, 46.09, -64.78, 'https://www.moncton.ca', 'prospective', None),
    ("St. John's", 'NL', '1001519', 110525, 47.56, -52.71, 'https://www.stjohns.ca', 'member', '2014-10-01'),
    ('Charlottetown', 'PE', '1102075', 38809, 46.24, -63.13, 'https://www.charlottetown.ca', 'prospective', None),
    ('Yellowknife', 'NT', '6106023', 20340, 62.45, -114.37, 'https://www.yellowknife.ca', 'member', '2015-02-01'),
    ('Whitehorse', 'YT', '6001009', 28201, 60.72, -135.06, 'https://www.whitehorse.ca', 'prospective', None),
    ('Iqaluit', 'NU', '6204003', 7429, 63.75, -68.52, 'https://www.iqaluit.ca', 'prospective', None),
]

# CSD code, kind, started, ended (None: still going on), note
ENGAGEMENT = [
    ('4811061', 'ccss', '2011-01-01', None, "REACH Edmonton leads the city's community safety strategy."),
    ('4811061', 'exchanging', '2012-06-01', None, ''),
    ('4611040', 'ccss', '2012-03-01', None, 'Comprehensive strategy in a 21-block area with provincial funds.'),
    ('4611040', 'exchanging', '2013-01-01', None, ''),
    ('3506008', 'ccss', '2008-01-01', None, 'Crime Prevention Ottawa coordinates the plan.'),
    ('3506008', 'exchanging', '2015-02-01', None, ''),
    ('1209034', 'ccss', '2014-09-01', None, 'Community safety partnership moves to municipal leadership.'),
    ('4715066', 'exchanging', '2015-01-01', None, ''),
    ('4715066', 'ccss', '2011-02-01', None, 'Hub model to refer situations of acutely elevated risk.'),
    ('2466023', 'ccss', '2009-01-01', None, ''),
    ('4806016', 'ccss', '2010-01-01', None, ''),
    ('5917034', 'ccss', '2010-01-01', '2016-12-31', 'Strategy ended when the city left the network.'),
    ('4706027', 'exchanging', '2016-04-01', '2019-03-31', ''),
    # Engaged later, during the programme (going from 15 to 30 municipalities).
    ('4711066', 'ccss', '2016-09-01', None, 'Strategy adopted after a regional workshop.'),
    ('4711066', 'exchanging', '2016-09-01', None, ''),
    ('3558004', 'exchanging', '2017-01-15', None, 'Visited Winnipeg with a delegation of three.'),
    ('6106023', 'ccss', '2017-04-01', None, 'Direct coaching in year 2.'),
    ('1001519', 'exchanging', '2017-05-01', None, ''),
]

# name, type, CSD code of its municipality (None: national), website
ORGANIZATIONS = [
    ('National Municipal Network on Crime Prevention', 'prevention_board', None, 'https://safercities.ca'),
    ('Institute for the Prevention of Crime, University of Ottawa', 'academic', None, ''),
    ('National Crime Prevention Centre, Public Safety Canada', 'government', None, 'https://www.publicsafety.gc.ca'),
    ('Crime Prevention Ottawa', 'prevention_board', '3506008', 'https://www.crimepreventionottawa.ca'),
    ('Ottawa Police Service', 'police', '3506008', 'https://www.ottawapolice.ca'),
    ('REACH Edmonton', 'prevention_board', '4811061', 'https://reachedmonton.ca'),
    ('Edmonton Police Service', 'police', '4811061', 'https://www.edmontonpolice.ca'),
    ('Winnipeg Police Service', 'police', '4611040', 'https://www.winnipeg.ca/police'),
    ('Halifax Regional Police', 'police', '1209034', 'https://www.halifax.ca/fire-police/police'),
    ('Prince Albert Police Service', 'police', '4715066', 'https://papolice.ca'),
    ('Service de police de la Ville de Montréal', 'police', '2466023', 'https://spvm.qc.ca'),
]

# first, last, position, organization name, CSD code, language, demo login
PEOPLE = [
    ('Demo', 'Coordinator-Ottawa', 'coordinator', 'Crime Prevention Ottawa', '3506008', 'en', 'demo-coordinator'),
    ('Démo', 'Conseillère-Ottawa', 'councillor', None, '3506008', 'fr', None),
    ('Demo', 'Inspector-Ottawa', 'police', 'Ottawa Police Service', '3506008', 'en', None),
    ('Demo', 'Director-Edmonton', 'coordinator', 'REACH Edmonton', '4811061', 'en', None),
    ('Demo', 'Sergeant-Edmonton', 'police', 'Edmonton Police Service', '4811061', 'en', None),
    ('Demo', 'Councillor-Winnipeg', 'councillor', None, '4611040', 'en', None),
    ('Demo', 'Manager-Halifax', 'senior_official', None, '1209034', 'en', None),
    ('Demo', 'Elder-PrinceAlbert', 'community_leader', None, '4715066', 'en', None),
    ('Démo', 'Intervenante-Montréal', 'practitioner', None, '2466023', 'fr', None),
    ('Demo', 'Participant', 'practitioner', None, '4611040', 'en', 'demo-participant'),
]

# username, role, first name, last name, what they may do (printed by demo_logins)
LOGINS = [
    ('demo-staff', Role.NETWORK_STAFF, 'Demo', 'Staff', _('everything: registry, people, imports, history, admin')),
    ('demo-coordinator', Role.COORDINATOR, 'Demo', 'Coordinator', _("edits Ottawa's profile and organizations")),
    ('demo-participant', Role.PARTICIPANT, 'Demo', 'Participant', _('reads the registry; sees their own record')),
    ('demo-observer', Role.OBSERVER, 'Demo', 'Observer', _('reads the registry and figures; no personal data')),
]
# fmt: on


def _upsert(model, defaults: dict, **lookup):
    """update_or_create that saves only what changed, so a re-run adds no edit history.

    A record that is not demo data (``is_demo`` false, e.g. a municipality the network
    imported) is returned untouched."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults)
    if not getattr(obj, "is_demo", True):
        return obj
    changed = [k for k, v in defaults.items() if getattr(obj, k) != v]
    if changed:
        for key in changed:
            setattr(obj, key, defaults[key])
        obj.save()
    return obj


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _logins() -> dict[str, User]:
    users = {}
    for username, role, first, last, _can in LOGINS:
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = User(username=username, email=f"{username}@example.org")
            # Set once: a demo user who changed their password keeps it on the next load.
            user.set_password(DEMO_PASSWORD)
        if created or (user.role, user.first_name, user.last_name) != (role, first, last):
            user.role, user.first_name, user.last_name = role, first, last
            user.save()
        users[username] = user
    return users


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create or refresh the demo network, all in one transaction; running it twice changes
    nothing."""
    provinces = {p.abbreviation: p for p in Province.objects.all()}
    places = {}
    for name, prov, code, pop, lat, lon, web, status, joined in MUNICIPALITIES:
        places[code] = _upsert(
            Municipality,
            csd_code=code,
            defaults={
                "name": name,
                "province": provinces[prov],
                "population": pop,
                "population_year": 2021,
                "latitude": Decimal(str(lat)),
                "longitude": Decimal(str(lon)),
                "website": web,
                "membership_status": status,
                "joined_on": _date(joined),
                "is_demo": True,
            },
        )
    for code, kind, start, end, note in ENGAGEMENT:
        if not places[code].is_demo:
            continue  # a municipality the network registered itself: its history is its own
        _upsert(
            EngagementEvent,
            municipality=places[code],
            kind=kind,
            started_on=_date(start),
            defaults={"ended_on": _date(end), "note": note},
        )
    orgs = {}
    for name, kind, code, web in ORGANIZATIONS:
        orgs[name] = _upsert(
            Organization,
            name=name,
            municipality=places.get(code),
            defaults={"type": kind, "website": web, "is_demo": True},
        )
    users = _logins()
    if places["3506008"].is_demo:  # never a login with a known password on a real record
        places["3506008"].coordinators.add(users["demo-coordinator"])
    for first, last, position, org, code, language, login in PEOPLE:
        email = f"{first}.{last}".lower().replace("é", "e").replace("è", "e") + "@example.org"
        _upsert(
            Person,
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "position_type": position,
                "organization": orgs.get(org),
                "municipality": places[code],
                "language": language,
                "user": users.get(login),
                "is_demo": True,
            },
        )
    return {
        "municipalities": len(MUNICIPALITIES),
        "organizations": len(ORGANIZATIONS),
        "people": len(PEOPLE),
        "logins": len(LOGINS),
    }
