from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionnairesConfig(AppConfig):
    name = "prevnet.questionnaires"
    label = "questionnaires"
    verbose_name = _("Questionnaires")
    # (url name, label, permission) entries for the main menu; see core.context_processors.
    navigation: list = [
        ("questionnaires:mine", _("My questionnaires"), "questionnaires.view_own_invitations"),
        ("questionnaires:index", _("Questionnaires"), "questionnaires.view_results"),
    ]
    # Dotted path of a function that adds this app's demo data (called by load_demo), or None.
    demo_loader: str | None = "prevnet.questionnaires.demo.load"

    def ready(self):
        from prevnet.questionnaires import rules  # noqa: F401 - registers this app's access rules
