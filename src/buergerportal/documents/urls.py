from django.urls import path

from . import verification

app_name = "documents"
urlpatterns = [
    path("", verification.verify, name="verify"),
    path("schluessel.json", verification.keys_json, name="keys"),
    path("widerrufen.json", verification.revoked_json, name="revoked"),
]
