from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "prevnet.activities"
    label = "activities"
    verbose_name = _("Activities and peer matching")
    # (url name, label, permission) entries for the main menu; see core.context_processors.
    navigation: list = [
        ("activities:activity_list", _("Activities"), "activities.view_activity"),
        ("activities:matching_home", _("Peer matching"), "activities.view_matches"),
    ]
    # Dotted path of a function that adds this app's demo data (called by load_demo), or None.
    demo_loader: str | None = "prevnet.activities.demo.load"

    def ready(self):
        from prevnet.activities import rules  # noqa: F401 - registers this app's access rules
