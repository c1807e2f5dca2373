"""What every access matrix shares: the expected statuses, and each app's own lines.

Apps list their pages (MATRIX, ELSEWHERE) and API endpoints (API_MATRIX) in
prevnet/<app>/tests/access_matrix.py, importing the constants from here, never from a test
module: a test module that imports an app's matrix while that matrix imports the test module
would see it half-initialised and silently lose its lines.
"""

from __future__ import annotations

import importlib

from django.apps import apps

from conftest import ROLES

OK, LOGIN, DENIED, NOT_FOUND, NOT_ALLOWED = 200, 302, 403, 404, 405

ALL = dict.fromkeys(ROLES, OK)
SIGNED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}
STAFF = {**dict.fromkeys(ROLES, DENIED), "staff": OK, "anonymous": LOGIN}


def only(*allowed: str) -> dict:
    return {**STAFF, **dict.fromkeys(allowed, OK)}


def app_matrices() -> list:
    """Each prevnet app's access_matrix module, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("prevnet."):
            continue
        name = f"{config.name}.tests.access_matrix"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        if not hasattr(module, "MATRIX") and not hasattr(module, "API_MATRIX"):
            raise ImportError(f"{name} defines neither MATRIX nor API_MATRIX (a circular import?)")
        modules.append(module)
    return modules
