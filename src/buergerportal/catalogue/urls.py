from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("", views.service_list, name="list"),
    path("lebenslage/<slug:slug>/", views.life_situation, name="life_situation"),
    path("<slug:slug>/", views.service_detail, name="detail"),
]
