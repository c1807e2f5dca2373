from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitydataConfig(AppConfig):
    name = "prevnet.communitydata"
    label = "communitydata"
    verbose_name = _("Community data")
    # (url name, label, permission) entries for the main menu; see core.context_processors.
    navigation = [("communitydata:index", _("Community data"), "communitydata.view_data")]
    # Dotted path of a function that adds this app's demo data (called by load_demo), or None.
    demo_loader: str | None = "prevnet.communitydata.demo.load"

    def ready(self):
        from prevnet.communitydata import rules  # noqa: F401 - registers this app's access rules
