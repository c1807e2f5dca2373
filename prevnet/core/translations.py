"""Where the French catalogues are: the project's (LOCALE_PATHS) and each app's own locale/.

Each capability keeps its strings in its own catalogue (prevnet/<app>/locale/fr/...), so work on
one app never collides with work on another; Django finds app catalogues by itself.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings


def catalogue_paths() -> list[Path]:
    roots = [Path(root) for root in settings.LOCALE_PATHS]
    roots += [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if config.name.startswith("prevnet.")
    ]
    found: list[Path] = []
    for root in roots:
        found.extend(sorted(root.glob("*/LC_MESSAGES/*.po")))
    return found
