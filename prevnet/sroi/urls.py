from django.urls import path

from prevnet.sroi import views

app_name = "sroi"
PART = "<int:pk>/<slug:kind>/"
urlpatterns = [
    path("", views.analysis_list, name="analysis_list"),
    path("new/", views.analysis_create, name="analysis_create"),
    path("<int:pk>/", views.analysis_detail, name="analysis_detail"),
    path("<int:pk>/edit/", views.analysis_edit, name="analysis_edit"),
    path("<int:pk>/delete/", views.analysis_delete, name="analysis_delete"),
    path("<int:pk>/sensitivity/", views.sensitivity, name="sensitivity"),
    path("<int:pk>/report/", views.analysis_report, name="report"),
    path("<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<int:pk>/model.xlsx", views.export_xlsx, name="export_xlsx"),
    path(PART + "new/", views.part_edit, name="part_create"),
    path(PART + "<int:part_pk>/edit/", views.part_edit, name="part_edit"),
    path(PART + "<int:part_pk>/delete/", views.part_delete, name="part_delete"),
    path("proxies/", views.proxy_list, name="proxy_list"),
    path("proxies/new/", views.proxy_edit, name="proxy_create"),
    path("proxies/<int:proxy_pk>/edit/", views.proxy_edit, name="proxy_edit"),
]
