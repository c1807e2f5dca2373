from django.urls import path

from prevnet.network import views

app_name = "network"
urlpatterns = [
    path("municipalities/", views.municipality_list, name="municipality_list"),
    path("municipalities/new/", views.municipality_create, name="municipality_create"),
    path("municipalities/<int:pk>/", views.municipality_detail, name="municipality_detail"),
    path("municipalities/<int:pk>/edit/", views.municipality_edit, name="municipality_edit"),
    path(
        "municipalities/<int:pk>/engagement/",
        views.engagement_create,
        name="engagement_create",
    ),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("organizations/<int:pk>/edit/", views.organization_edit, name="organization_edit"),
    path("people/", views.person_list, name="person_list"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("history/<str:model>/<int:pk>/", views.record_history, name="record_history"),
    path("import/", views.import_create, name="import_create"),
    path("import/<uuid:pk>/", views.import_detail, name="import_detail"),
]
