from django.urls import path

from prevnet.programs import views

app_name = "programs"

urlpatterns = [
    path("", views.program_list, name="program_list"),
    path("<int:pk>/", views.program_detail, name="program_detail"),
    path("<int:pk>/edit/", views.program_edit, name="program_edit"),
    path("<int:pk>/delete/", views.program_delete, name="program_delete"),
    path("municipality/<int:pk>/", views.municipality_programs, name="municipality_programs"),
    path("municipality/<int:pk>/new/", views.program_create, name="program_create"),
]
