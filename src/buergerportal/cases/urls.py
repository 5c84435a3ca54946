from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("bestaetigen/", views.confirm_checked, name="confirm_checked"),
    path("<uuid:case_id>/", views.case_detail, name="case"),
    path("<uuid:case_id>/nachweis/<uuid:upload_id>/", views.evidence_download, name="evidence"),
    path("<uuid:case_id>/<slug:action>/", views.case_action, name="action"),
]
