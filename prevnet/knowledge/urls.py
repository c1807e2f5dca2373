from django.urls import path

from prevnet.knowledge import views, views_briefs, views_transfer

app_name = "knowledge"

urlpatterns = [
    path("", views.search, name="search"),
    path("programs/<slug:slug>/", views.program_detail, name="program_detail"),
    path("programs/<slug:slug>/pdf/", views.program_pdf, name="program_pdf"),
    path("compare/", views.compare, name="compare"),
    path("practices/<slug:slug>/", views.practice_detail, name="practice_detail"),
    path("evidence/", views.evidence_scale, name="evidence_scale"),
    path("briefs/", views_briefs.brief_list, name="brief_list"),
    path("briefs/feed/", views_briefs.BriefFeed(), name="brief_feed"),
    path("briefs/<slug:slug>/", views_briefs.brief_detail, name="brief_detail"),
    path("briefs/<slug:slug>/pdf/", views_briefs.brief_pdf, name="brief_pdf"),
    path("export/<str:fmt>/", views_transfer.export, name="export"),
    path("import/", views_transfer.import_base, name="import"),
]
