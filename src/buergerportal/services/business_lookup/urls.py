from django.urls import path

from . import views

app_name = "business_lookup"
urlpatterns = [
    path("", views.search, name="search"),
    path("erweitert/<str:number>/", views.request_start, name="request"),
    path("abrufe/", views.my_lookups, name="lookups"),
    path("verwaltung/anzeige/", views.intake, name="intake"),
]
