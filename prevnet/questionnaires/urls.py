from django.urls import path

from prevnet.questionnaires import views

app_name = "questionnaires"

urlpatterns = [
    path("", views.index, name="index"),
    path("mine/", views.mine, name="mine"),
    path("versions/<int:pk>/", views.version_detail, name="version_detail"),
    path("versions/<int:pk>/xlsform/", views.version_xlsform, name="version_xlsform"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/export/", views.campaign_export, name="campaign_export"),
    path("campaigns/<int:pk>/send/", views.campaign_send, name="campaign_send"),
    path("campaigns/compare/", views.campaign_compare, name="campaign_compare"),
    path("answer/<str:token>/", views.answer, name="answer"),
    path("invitations/<int:pk>/", views.answer_invitation, name="answer_invitation"),
]
