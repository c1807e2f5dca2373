"""What every page's layout needs: the navigation the user may follow."""

from __future__ import annotations

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from prevnet.core import access

# (url name, label, permission needed). Only built capabilities are listed: no dead links.
# Each other app adds its own entries as ``navigation`` on its AppConfig, in INSTALLED_APPS order.
NAVIGATION = [
    ("network:municipality_list", _("Municipalities"), "network.view_municipality"),
    ("network:organization_list", _("Organizations"), "network.view_organization"),
    ("network:person_list", _("People"), "network.view_person"),
]


def all_navigation() -> list[tuple]:
    entries = list(NAVIGATION)
    for config in apps.get_app_configs():
        entries.extend(getattr(config, "navigation", None) or [])
    return entries


def navigation(request):
    user = getattr(request, "user", None)
    items = [
        {"url": reverse(name), "label": label, "active": request.path.startswith(reverse(name))}
        for name, label, perm in all_navigation()
        if access.can(user, perm)
    ]
    return {
        "nav_items": items,
        "user_role": access.role_of(user),
        "user_is_network_staff": access.is_staff(user),
    }
