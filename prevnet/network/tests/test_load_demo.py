"""The demo network: real facts, fictitious people, one login per role, idempotent."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from prevnet.core.models import Role, User
from prevnet.network.demo import DEMO_PASSWORD, MUNICIPALITIES
from prevnet.network.factories import MunicipalityFactory, province
from prevnet.network.models import (
    EngagementEvent,
    Municipality,
    Organization,
    Person,
    PositionType,
)

SEED_CITIES = {
    "Ottawa": ("3506008", 1017449),
    "Edmonton": ("4811061", 1010899),
    "Winnipeg": ("4611040", 749607),
    "Halifax": ("1209034", 439819),
    "Prince Albert": ("4715066", 37756),
}
ROLES = {
    "demo-staff": Role.NETWORK_STAFF,
    "demo-coordinator": Role.COORDINATOR,
    "demo-participant": Role.PARTICIPANT,
    "demo-observer": Role.OBSERVER,
}


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    models = (Municipality, EngagementEvent, Organization, Person)
    return [m.objects.count() for m in models] + [
        User.objects.count(),
        Municipality.history.count(),
        Organization.history.count(),
        Person.history.count(),
        EngagementEvent.history.count(),
    ]


def test_load_demo_twice_changes_nothing(db):
    assert "Demo network ready: 23 municipalities, 11 organizations" in load()
    first = counts()
    hashes = dict(User.objects.values_list("username", "password"))
    load()
    assert counts() == first  # no duplicates, and no edit history from the re-run
    assert dict(User.objects.values_list("username", "password")) == hashes


def test_demo_holds_the_seed_cities_with_their_codes(db):
    load()
    found = {
        m.name: (m.csd_code, m.population)
        for m in Municipality.objects.filter(name__in=SEED_CITIES)
    }
    assert found == SEED_CITIES
    for m in Municipality.objects.select_related("province"):
        assert m.csd_code.startswith(m.province.sgc_code), m
        assert m.population_year == 2021 and m.is_demo
        m.full_clean()
    regions = set(Municipality.objects.values_list("province__region__code", flat=True))
    assert regions == {"atlantic", "quebec", "ontario", "prairies", "bc", "north"}
    assert Municipality.objects.values("province").distinct().count() == 13
    assert {"Montréal", "Québec", "Gatineau", "Longueuil", "Yellowknife", "Whitehorse"} <= set(
        Municipality.objects.values_list("name", flat=True)
    )
    assert Municipality.objects.filter(membership_status="prospective").count() >= 3


def test_demo_data_table_is_consistent():
    codes = [row[2] for row in MUNICIPALITIES]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 7 and code.isdigit() for code in codes)


def test_engagement_and_organizations(db):
    load()
    engaged = Municipality.objects.with_engagement(on="2016-01-01")
    both = set(engaged.filter(engaged_in_ccss=True, exchanging=True).values_list("name", flat=True))
    assert {"Edmonton", "Winnipeg", "Ottawa"} <= both
    later = Municipality.objects.with_engagement(on="2018-01-01")
    assert later.filter(engaged_in_ccss=True, exchanging=True).count() > len(both)
    for name, place in [
        ("Crime Prevention Ottawa", "Ottawa"),
        ("REACH Edmonton", "Edmonton"),
        ("Ottawa Police Service", "Ottawa"),
        ("Edmonton Police Service", "Edmonton"),
        ("Winnipeg Police Service", "Winnipeg"),
        ("Halifax Regional Police", "Halifax"),
        ("Prince Albert Police Service", "Prince Albert"),
    ]:
        assert Organization.objects.filter(name=name, municipality__name=place).exists(), name
    national = dict(Organization.objects.filter(municipality=None).values_list("name", "type"))
    assert national == {
        "National Municipal Network on Crime Prevention": "prevention_board",
        "Institute for the Prevention of Crime, University of Ottawa": "academic",
        "National Crime Prevention Centre, Public Safety Canada": "government",
    }


def test_people_are_fictitious_and_cover_every_position(db):
    load()
    assert not Person.objects.filter(is_demo=False).exists()
    assert all(e.endswith("@example.org") for e in Person.objects.values_list("email", flat=True))
    positions = set(Person.objects.values_list("position_type", flat=True))
    assert positions == set(PositionType.values)


def test_demo_logins_one_per_role(db):
    load()
    roles = dict(User.objects.filter(username__startswith="demo-").values_list("username", "role"))
    assert roles == ROLES
    for username in ROLES:
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD)
    assert User.objects.get(username="demo-staff").is_staff
    coordinator = User.objects.get(username="demo-coordinator")
    assert list(coordinator.coordinated_municipalities.values_list("name", flat=True)) == ["Ottawa"]
    assert Person.objects.get(user__username="demo-participant").is_demo
    assert Person.objects.get(user=coordinator).municipality.name == "Ottawa"


def test_changed_demo_password_and_role_on_reload(db):
    load()
    user = User.objects.get(username="demo-staff")
    user.set_password("my own passphrase 2026")
    user.role = Role.OBSERVER
    user.save()
    load()
    user.refresh_from_db()
    assert user.check_password("my own passphrase 2026")  # kept
    assert user.role == Role.NETWORK_STAFF  # the demo login's role is restored


def test_records_that_are_not_demo_data_are_left_alone(db):
    ottawa = MunicipalityFactory(name="City of Ottawa", csd_code="3506008", population=1)
    load()
    ottawa.refresh_from_db()
    assert (ottawa.name, ottawa.population, ottawa.is_demo) == ("City of Ottawa", 1, False)
    assert not ottawa.coordinators.exists() and not ottawa.engagement_events.exists()
    assert ottawa.province == province("ON")


def test_demo_logins_command(db):
    load()
    out = StringIO()
    call_command("demo_logins", stdout=out)
    text = out.getvalue()
    for username in ROLES:
        line = next(line for line in text.splitlines() if username in line)
        assert DEMO_PASSWORD in line
    assert "Municipal coordinator" in text and "edits Ottawa" in text
    assert "Missing" not in text


def test_demo_logins_without_the_demo(db):
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert out.getvalue() == "No demo logins: run `manage.py load_demo` first.\n"


def test_demo_logins_names_a_missing_login(db):
    load()
    User.objects.filter(username="demo-observer").delete()
    out = StringIO()
    call_command("demo_logins", stdout=out)
    table, missing = out.getvalue().split("Missing")
    assert "demo-staff" in table and "demo-observer" not in table
    assert "load_demo" in missing and "demo-observer" in missing
