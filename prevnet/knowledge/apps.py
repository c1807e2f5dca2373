from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "prevnet.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge base")
    # (url name, label, permission) entries for the main menu; see core.context_processors.
    navigation = [("knowledge:search", _("Knowledge base"), "knowledge.view_program")]
    # Dotted path of a function that adds this app's demo data (called by load_demo), or None.
    demo_loader: str | None = "prevnet.knowledge.demo.load"

    def ready(self):
        from prevnet.knowledge import rules, signals  # noqa: F401 - registers rules and signals
