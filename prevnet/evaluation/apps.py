from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "prevnet.evaluation"
    label = "evaluation"
    verbose_name = _("Process evaluation")
    # (url name, label, permission) entries for the main menu; see core.context_processors.
    navigation = [
        ("evaluation:dashboard", _("Evaluation"), "evaluation.view_dashboard"),
    ]
    # Dotted path of a function that adds this app's demo data (called by load_demo), or None.
    demo_loader = "prevnet.evaluation.demo.load"

    def ready(self):
        from prevnet.evaluation import (  # noqa: F401 - registrations
            report_questionnaires,  # the report's questionnaire sections
            rules,  # this app's access rules
        )
