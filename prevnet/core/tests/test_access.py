"""The access rules themselves, asked the way the admin and the API ask them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from prevnet.core import access
from prevnet.network.factories import OrganizationFactory, PersonFactory
from prevnet.network.models import Person


def test_has_perm_goes_through_the_access_module(cast):
    coordinator = cast.users["coordinator_a"]
    assert coordinator.has_perm("network.change_municipality", cast.city_a)
    assert not coordinator.has_perm("network.change_municipality", cast.city_b)
    assert not coordinator.has_perm("network.add_municipality")
    assert AnonymousUser().has_perm("network.view_municipality")
    assert not AnonymousUser().has_perm("network.view_person")


def test_unknown_permissions_are_staff_only(cast):
    assert access.can(cast.users["staff"], "anything.new_and_unlisted")
    for who in ("coordinator_a", "participant", "observer"):
        assert not access.can(cast.users[who], "anything.new_and_unlisted")


def test_inactive_users_are_public(cast):
    staff = cast.users["staff"]
    staff.is_active = False
    assert access.role_of(staff) == access.PUBLIC
    assert not access.can(staff, "network.view_person")


def test_people_visible_only_to_staff_and_themselves(cast):
    PersonFactory.create_batch(3, municipality=cast.city_a)
    everyone = Person.objects.all()
    assert access.visible(cast.users["staff"], "network.view_person", everyone).count() == 4
    mine = access.visible(cast.users["participant"], "network.view_person", everyone)
    assert list(mine) == [cast.person_a]
    assert not access.visible(cast.users["coordinator_a"], "network.view_person", everyone)
    assert not access.visible(AnonymousUser(), "network.view_person", everyone)


@pytest.mark.parametrize(
    "who, city, allowed",
    [("coordinator_a", "a", True), ("coordinator_a", "b", False), ("observer", "a", False)],
)
def test_organization_edits_follow_coordination(cast, who, city, allowed):
    org = OrganizationFactory(municipality=cast.city_a if city == "a" else cast.city_b)
    assert access.can(cast.users[who], "network.change_organization", org) is allowed


def test_national_organizations_are_staff_only(cast):
    national = OrganizationFactory(municipality=None)
    assert not access.can(cast.users["coordinator_a"], "network.change_organization", national)
    assert access.can(cast.users["staff"], "network.change_organization", national)


def test_admin_is_for_staff_and_uses_the_rules(cast):
    staff = cast.client("staff")
    assert staff.get(reverse("admin:network_municipality_changelist")).status_code == 200
    assert staff.get(reverse("admin:network_person_changelist")).status_code == 200
    change = reverse("admin:network_municipality_change", args=[cast.city_a.pk])
    assert cast.client("coordinator_a").get(change).status_code == 302
