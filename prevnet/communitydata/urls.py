from django.urls import path

from prevnet.communitydata import views

app_name = "communitydata"

urlpatterns = [
    path("", views.index, name="index"),
    path("municipality/<int:pk>/", views.municipality_data, name="municipality"),
    path("municipality/<int:pk>/diagnosis/", views.municipality_diagnosis, name="diagnosis"),
    path("compare/", views.compare, name="compare"),
    path("imports/", views.import_list, name="import_list"),
    path("imports/<uuid:pk>/", views.import_detail, name="import_detail"),
    path("geographies/", views.geography_review, name="geographies"),
]
