from django.urls import path

from . import case_views, views

app_name = "cases"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("bestaetigen/", views.confirm_checked, name="confirm_checked"),
    path("filter/", views.saved_filter_add, name="filter_save"),
    path("filter/<int:filter_id>/loeschen/", views.saved_filter_remove, name="filter_delete"),
    path("<uuid:case_id>/", case_views.case_detail, name="case"),
    path(
        "<uuid:case_id>/nachweis/<uuid:upload_id>/",
        case_views.evidence_download,
        name="evidence",
    ),
    path("<uuid:case_id>/<slug:action>/", case_views.case_action, name="action"),
]
