"""The one place that decides who may see and edit what.

Views call ``require()``, querysets go through ``visible()``, the API calls ``can()``, and the
admin reaches the same rules through ``AccessBackend.has_perm``. A permission is named like
Django's (``app_label.action_model``); each has one rule below. An unknown permission is
granted to network staff only, so nothing new leaks to other roles by omission.

Roles (PRODUCT.md): network staff see everything; a municipal coordinator edits the
municipalities they coordinate; participants and observers read; the public reads what is
published. Personal data (a person's name and e-mail) is seen only by staff and that person.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet

from prevnet.core.models import Role

PUBLIC = "public"


class LoginRequired(Exception):  # noqa: N818 - it is a signal, not an error
    """Raised for an anonymous visitor who needs to log in; the middleware redirects."""


def role_of(user) -> str:
    if user is None or not user.is_authenticated or not user.is_active:
        return PUBLIC
    if user.is_superuser:
        return Role.NETWORK_STAFF
    return user.role


def is_staff(user) -> bool:
    return role_of(user) == Role.NETWORK_STAFF


def coordinated_ids(user) -> frozenset[int]:
    """Ids of the municipalities this user coordinates (cached on the user for the request)."""
    if role_of(user) != Role.COORDINATOR:
        return frozenset()
    cached = getattr(user, "_prevnet_coordinated_ids", None)
    if cached is None:
        cached = frozenset(user.coordinated_municipalities.values_list("id", flat=True))
        user._prevnet_coordinated_ids = cached
    return cached


def municipality_id_of(obj: Any) -> int | None:
    """The municipality an object belongs to, if any (a municipality is its own)."""
    if obj is None:
        return None
    if obj._meta.label == "network.Municipality":
        return obj.pk
    return getattr(obj, "municipality_id", None)


Rule = Callable[[Any, Any], bool]
Scope = Callable[[Any, QuerySet], QuerySet]
RULES: dict[str, Rule] = {}
SCOPES: dict[str, Scope] = {}


def rule(*perms: str):
    def register(fn: Rule) -> Rule:
        for perm in perms:
            RULES[perm] = fn
        return fn

    return register


def scope(*perms: str):
    def register(fn: Scope) -> Scope:
        for perm in perms:
            SCOPES[perm] = fn
        return fn

    return register


# --- the rules --------------------------------------------------------------------------------


@rule(
    "network.view_region",
    "network.view_province",
    "network.view_municipality",
    "network.view_organization",
)
def _anyone(user, obj) -> bool:
    """The registry of municipalities and organizations holds no personal data."""
    return True


@rule("network.view_engagementevent", "network.view_people_summary")
def _signed_in(user, obj) -> bool:
    return role_of(user) != PUBLIC


@rule("network.change_municipality")
def _edit_municipality(user, obj) -> bool:
    if is_staff(user):
        return True
    ids = coordinated_ids(user)
    return bool(ids) and (obj is None or obj.pk in ids)


@rule("network.add_organization", "network.change_organization", "network.delete_organization")
def _edit_organization(user, obj) -> bool:
    """Coordinators keep the organizations of their own municipalities up to date."""
    if is_staff(user):
        return True
    ids = coordinated_ids(user)
    if not ids:
        return False
    return obj is None or municipality_id_of(obj) in ids


@rule("network.view_person")
def _view_person(user, obj) -> bool:
    if is_staff(user):
        return True
    return obj is not None and role_of(user) != PUBLIC and obj.user_id == user.pk


@scope("network.view_person")
def _people_scope(user, qs: QuerySet) -> QuerySet:
    if is_staff(user):
        return qs
    if role_of(user) == PUBLIC:
        return qs.none()
    return qs.filter(user=user)


@rule("api.manage_own_tokens", "core.change_own_password")
def _own_account(user, obj) -> bool:
    return role_of(user) != PUBLIC


def _staff_only(user, obj) -> bool:
    return is_staff(user)


# Listed explicitly, though unknown permissions fall back to the same rule, so a reader sees
# which decisions are deliberate.
for _perm in (
    "network.add_municipality",
    "network.delete_municipality",
    "network.add_person",
    "network.change_person",
    "network.delete_person",
    "network.add_engagementevent",
    "network.change_engagementevent",
    "network.delete_engagementevent",
    "network.view_history",
    "network.import_municipalities",
    "core.use_admin",
):
    RULES[_perm] = _staff_only


# --- how callers ask ---------------------------------------------------------------------------


def can(user, perm: str, obj: Model | None = None) -> bool:
    return RULES.get(perm, _staff_only)(user, obj)


def require(request, perm: str, obj: Model | None = None) -> None:
    """Stop a view that the user may not use: anonymous visitors are sent to log in."""
    if can(request.user, perm, obj):
        return
    if role_of(request.user) == PUBLIC:
        raise LoginRequired
    raise PermissionDenied


def visible(user, perm: str, qs: QuerySet) -> QuerySet:
    """The rows of ``qs`` that ``user`` may see, without asking row by row."""
    if perm in SCOPES:
        return SCOPES[perm](user, qs)
    return qs if can(user, perm) else qs.none()


class AccessBackend(ModelBackend):
    """Authentication as Django's; every permission answered by the rules above."""

    def has_perm(self, user_obj, perm, obj=None):
        return can(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        return is_staff(user_obj)

    def get_all_permissions(self, user_obj, obj=None):
        return set()
