from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("profile/", views.profile, name="profile"),
    path("delete/", views.delete, name="delete"),
    path("melderegister/trennen/", views.register_unlink, name="register_unlink"),
]
