from django.urls import path

from . import views

app_name = "dog_tax"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:dog_id>/bescheinigung.pdf", views.certificate, name="certificate"),
    path("<int:dog_id>/bescheid/<int:year>.pdf", views.yearly_notice, name="notice"),
    path("<int:dog_id>/abmelden/", views.deregister, name="deregister"),
    path("verwaltung/", views.staff_search, name="staff"),
    path("verwaltung/<int:dog_id>/", views.staff_dog, name="staff_dog"),
    path("verwaltung/<int:dog_id>/marke/<str:step>/", views.staff_tag, name="staff_tag"),
    path("verwaltung/ueberweisung/", views.staff_transfer, name="staff_transfer"),
    path("verwaltung/fall/<uuid:case_id>/anspruch/", views.claim_refuse, name="claim_refuse"),
]
