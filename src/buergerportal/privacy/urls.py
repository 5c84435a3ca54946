from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("zugriffe/", views.accesses, name="accesses"),
    path("auskunft/", views.export, name="export"),
]
