from django.urls import path

from . import views

app_name = "entitlements"
urlpatterns = [
    path("<slug:kind>/<int:pk>/ausweis.pdf", views.entitlement_download, name="download"),
    path("widerruf/<uuid:revocation_id>/", views.respond, name="respond"),
    path("verwaltung/", views.staff_revocations, name="staff"),
    path("verwaltung/<slug:kind>/<int:pk>/widerrufen/", views.staff_start, name="staff_start"),
    path(
        "verwaltung/widerruf/<uuid:revocation_id>/entscheiden/",
        views.staff_decide,
        name="staff_decide",
    ),
]
