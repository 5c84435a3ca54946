from django.urls import path

from . import views

app_name = "dog_tax"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:dog_id>/bescheinigung.pdf", views.certificate, name="certificate"),
    path("<int:dog_id>/bescheid/<int:year>.pdf", views.yearly_notice, name="notice"),
    path("<int:dog_id>/abmelden/", views.deregister, name="deregister"),
    path("verwaltung/", views.staff_search, name="staff"),
]
