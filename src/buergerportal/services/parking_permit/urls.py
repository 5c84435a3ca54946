from django.urls import path

from . import views

app_name = "parking_permit"
urlpatterns = [
    path("", views.permit_list, name="list"),
    path("<int:permit_id>/ausweis.pdf", views.permit_download, name="download"),
    path("<int:permit_id>/verlaengerung/", views.permit_auto_renew, name="auto_renew"),
    path("<int:permit_id>/kuendigen/", views.permit_cancel, name="cancel"),
    path("<int:permit_id>/erneuern/", views.permit_renew_start, name="renew"),
    path("<int:permit_id>/aendern/", views.permit_change, name="change"),
    path("auswertung/", views.dashboard, name="dashboard"),
    path("verwaltung/", views.staff_permits, name="staff_permits"),
    path("verwaltung/<int:permit_id>/widerrufen/", views.staff_revoke, name="staff_revoke"),
]
