from django.urls import path

from . import data_views, staff_views, views

app_name = "strategy"
urlpatterns = [
    path("", views.portfolio, name="portfolio"),
    path("massnahme/<str:number>/", views.measure_detail, name="measure"),
    path("massnahme/<str:number>/folgen/", views.subscribe, name="subscribe"),
    path(
        "folgen/<uuid:token>/bestaetigen/",
        views.subscription_confirm_view,
        name="subscription_confirm",
    ),
    path("folgen/<uuid:token>/beenden/", views.subscription_end_view, name="subscription_end"),
    path("massnahme/<str:number>/bearbeiten/", staff_views.measure_edit, name="measure_edit"),
    path(
        "massnahme/<str:number>/meilenstein/", staff_views.milestone_add_view, name="milestone_add"
    ),
    path("massnahme/<str:number>/indikator/", staff_views.indicator_add_view, name="indicator_add"),
    path("mitarbeit/", staff_views.staff_measures, name="staff_measures"),
    path("meilenstein/<int:pk>/", staff_views.milestone_edit, name="milestone_edit"),
    path("indikator/<int:pk>/", staff_views.indicator_edit, name="indicator_edit"),
    path("daten/massnahmen.csv", data_views.measures_csv, name="data_csv"),
    path("daten/massnahmen.json", data_views.measures_json, name="data_json"),
]
