from django.urls import path

from . import data_views, views

app_name = "figures"
urlpatterns = [
    path("", views.portal_figures, name="portal"),
    path("leistung/<slug:slug>/", views.service_figures, name="service"),
    path("daten/kennzahlen.csv", data_views.figures_csv, name="data_csv"),
    path("daten/kennzahlen.json", data_views.figures_json, name="data_json"),
    path("daten/verfuegbarkeit.csv", data_views.availability_csv, name="availability_csv"),
    path("daten/verfuegbarkeit.json", data_views.availability_json, name="availability_json"),
    path("daten/katalog.jsonld", data_views.catalogue, name="catalogue"),
]
