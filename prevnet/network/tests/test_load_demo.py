"""The demo network: real facts, fictitious people, one login per role, idempotent."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from prevnet.core.models import Role, User
from prevnet.network.models import Municipality, Organization, Person

SEED_CITIES = {
    "Ottawa": "3506008",
    "Edmonton": "4811061",
    "Winnipeg": "4611040",
    "Halifax": "1209034",
    "Prince Albert": "4715066",
}


def counts():
    return [
        Municipality.objects.count(),
        Organization.objects.count(),
        Person.objects.count(),
        User.objects.count(),
        Municipality.history.count(),
        Person.history.count(),
    ]


def test_load_demo_twice_changes_nothing(db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo network ready" in out.getvalue()
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first  # no duplicates, and no edit history from the re-run


def test_demo_holds_the_seed_cities_with_their_codes(db):
    call_command("load_demo", stdout=StringIO())
    found = dict(Municipality.objects.filter(name__in=SEED_CITIES).values_list("name", "csd_code"))
    assert found == SEED_CITIES
    for m in Municipality.objects.select_related("province"):
        assert m.csd_code.startswith(m.province.sgc_code), m
        m.full_clean()
    assert set(Municipality.objects.values_list("province__region__code", flat=True)) == {
        "atlantic",
        "quebec",
        "ontario",
        "prairies",
        "bc",
        "north",
    }
    assert Organization.objects.filter(name="REACH Edmonton", municipality__name="Edmonton")


def test_demo_logins_one_per_role(db):
    call_command("load_demo", stdout=StringIO())
    roles = dict(User.objects.filter(username__startswith="demo-").values_list("username", "role"))
    assert roles == {
        "demo-staff": Role.NETWORK_STAFF,
        "demo-coordinator": Role.COORDINATOR,
        "demo-participant": Role.PARTICIPANT,
        "demo-observer": Role.OBSERVER,
    }
    coordinator = User.objects.get(username="demo-coordinator")
    assert list(coordinator.coordinated_municipalities.values_list("name", flat=True)) == ["Ottawa"]
    assert Person.objects.get(user__username="demo-participant")
    assert not Person.objects.filter(is_demo=False).exists()
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "demo-coordinator" in out.getvalue() and "prevnet-demo-2026" in out.getvalue()


def test_changed_demo_password_survives_a_reload(db):
    call_command("load_demo", stdout=StringIO())
    user = User.objects.get(username="demo-staff")
    user.set_password("my own passphrase 2026")
    user.save()
    call_command("load_demo", stdout=StringIO())
    user.refresh_from_db()
    assert user.check_password("my own passphrase 2026")


def test_demo_logins_without_demo(db):
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "load_demo" in out.getvalue()
