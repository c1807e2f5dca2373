from django.urls import path

from prevnet.questionnaires import staff_views, views

app_name = "questionnaires"

urlpatterns = [
    path("", views.index, name="index"),
    path("mine/", views.mine, name="mine"),
    path("<slug:slug>/export/", views.questionnaire_export, name="questionnaire_export"),
    path("versions/<int:pk>/", views.version_detail, name="version_detail"),
    path("versions/<int:pk>/xlsform/", views.version_xlsform, name="version_xlsform"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/export/", views.campaign_export, name="campaign_export"),
    path("campaigns/<int:pk>/send/", views.campaign_send, name="campaign_send"),
    path("campaigns/compare/", views.campaign_compare, name="campaign_compare"),
    path("import/", staff_views.xlsform_import, name="xlsform_import"),
    path("versions/<int:pk>/publish/", staff_views.version_publish, name="version_publish"),
    path("campaigns/new/", staff_views.campaign_create, name="campaign_create"),
    path(
        "campaigns/<int:pk>/import-answers/",
        staff_views.campaign_import_answers,
        name="campaign_import_answers",
    ),
    path("submissions/<int:pk>/", staff_views.submission_detail, name="submission_detail"),
    path("answer/<str:token>/", views.answer, name="answer"),
    path("invitations/<int:pk>/", views.answer_invitation, name="answer_invitation"),
]
