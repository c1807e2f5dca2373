from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SroiConfig(AppConfig):
    name = "prevnet.sroi"
    label = "sroi"
    verbose_name = _("Social return on investment")
    # (url name, label, permission) entries for the main menu; see core.context_processors.
    navigation: list = [("sroi:analysis_list", _("Social return"), "sroi.view_analysis")]
    demo_loader: str | None = "prevnet.sroi.demo.load"

    def ready(self):
        from prevnet.sroi import rules  # noqa: F401 - registers this app's access rules
