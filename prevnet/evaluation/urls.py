from django.urls import path

from prevnet.evaluation import views, views_logic, views_reports

app_name = "evaluation"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/records/", views.indicator_records, name="indicator_records"),
    path("indicators/<int:pk>/values/new/", views.value_create, name="value_create"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("logic-models/", views_logic.logic_model_list, name="logic_model_list"),
    path("logic-models/new/", views_logic.logic_model_create, name="logic_model_create"),
    path("logic-models/<int:pk>/", views_logic.logic_model_detail, name="logic_model_detail"),
    path(
        "logic-models/<int:pk>/export.<str:fmt>",
        views_logic.logic_model_export,
        name="logic_model_export",
    ),
    path("logic-models/<int:pk>/items/new/", views_logic.item_create, name="item_create"),
    path("items/<int:pk>/edit/", views_logic.item_edit, name="item_edit"),
    path("items/<int:pk>/delete/", views_logic.item_delete, name="item_delete"),
    path("items/<int:pk>/indicators/new/", views.indicator_create, name="indicator_create"),
    path("reports/", views_reports.report_list, name="report_list"),
    path("reports/new/", views_reports.report_create, name="report_create"),
    path("reports/<int:pk>/", views_reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/commentary/", views_reports.report_commentary, name="report_commentary"),
    path("reports/<int:pk>/generate/", views_reports.report_generate, name="report_generate"),
    path("reports/<int:pk>/publish/", views_reports.report_publish, name="report_publish"),
    path("reports/<int:pk>/pdf/<str:language>/", views_reports.report_pdf, name="report_pdf"),
]
