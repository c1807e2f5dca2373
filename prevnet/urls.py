"""URLs: pages under /en/ and /fr/; the API, the language switch and static files without."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from prevnet.api.api import api
from prevnet.core.auth_views import PasswordResetView

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", include("prevnet.core.urls")),
    path("network/", include("prevnet.network.urls")),
    path("knowledge/", include("prevnet.knowledge.urls")),
    path("questionnaires/", include("prevnet.questionnaires.urls")),
    path("activities/", include("prevnet.activities.urls")),
    path("programs/", include("prevnet.programs.urls")),
    path("evaluation/", include("prevnet.evaluation.urls")),
    path("data/", include("prevnet.communitydata.urls")),
    path("sroi/", include("prevnet.sroi.urls")),
    path("accounts/password_reset/", PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
