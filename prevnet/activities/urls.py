from django.urls import path

from prevnet.activities import views, views_impact, views_matching, views_people, views_training

app_name = "activities"

urlpatterns = [
    path("", views.activity_list, name="activity_list"),
    path("calendar/", views.activity_calendar, name="activity_calendar"),
    path("feed.ics", views.activity_feed, name="activity_feed"),
    path("new/", views.activity_create, name="activity_create"),
    path("<int:pk>/", views.activity_detail, name="activity_detail"),
    path("<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("<int:pk>/register/", views.register_people, name="register_people"),
    path("<int:pk>/join/<str:token>/", views.self_register, name="self_register"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/impact-questionnaire/", views_impact.send_impact, name="send_impact"),
    path("<int:pk>/exchange/", views.exchange_edit, name="exchange_edit"),
    path("<int:pk>/report/", views.exchange_report, name="exchange_report"),
    path("<int:pk>/sign-in-sheet/", views_people.signin_upload, name="signin_upload"),
    path("<int:pk>/sign-in-sheet/review/", views_people.signin_review, name="signin_review"),
    path("<int:pk>/assessment/", views_training.assessment_take, name="assessment_take"),
    path(
        "<int:pk>/assessment/<int:registration>/",
        views_training.assessment_grade,
        name="assessment_grade",
    ),
    path(
        "registrations/<int:pk>/certificate/",
        views.issue_attendance_certificate,
        name="issue_attendance_certificate",
    ),
    path("certificates/verify/", views_training.certificate_verify, name="certificate_verify"),
    path("certificates/<str:code>/", views_training.certificate_pdf, name="certificate_pdf"),
    path("people/duplicates/", views_people.duplicates, name="duplicates"),
    path("people/merge/<int:keep>/<int:remove>/", views_people.merge_people, name="merge_people"),
    path("matching/", views_matching.matching_home, name="matching_home"),
    path("matching/weights/", views_matching.weights, name="weights"),
    path("matching/<int:pk>/", views_matching.matches, name="matches"),
    path("matching/<int:pk>/profile/", views_matching.learning_profile, name="learning_profile"),
    path(
        "matching/<int:pk>/propose/<int:host>/",
        views_matching.propose_exchange,
        name="propose_exchange",
    ),
]
