from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "prevnet.programs"
    label = "programs"
    verbose_name = _("Municipal programs")
    # (url name, label, permission) entries for the main menu; see core.context_processors.
    navigation = [
        ("programs:program_list", _("Programs"), "programs.view_municipalprogram"),
    ]
    # Dotted path of a function that adds this app's demo data (called by load_demo), or None.
    demo_loader = "prevnet.programs.demo.load"

    def ready(self):
        from prevnet.programs import rules  # noqa: F401 - registers this app's access rules
