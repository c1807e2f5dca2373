from django.urls import path

from prevnet.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("account/", views.account, name="account"),
    path("account/tokens/<int:pk>/revoke/", views.revoke_token, name="revoke_token"),
]
