from django.urls import path

from . import account_views, views

app_name = "applications"
urlpatterns = [
    path("meine/", account_views.mine, name="mine"),
    path("meine/<uuid:application_id>/", account_views.detail, name="detail"),
    path("meine/<uuid:application_id>/bezahlen/", account_views.pay, name="pay"),
    path("meine/<uuid:application_id>/zuruecknehmen/", account_views.withdraw, name="withdraw"),
    path("meine/<uuid:application_id>/ueberpruefen/", account_views.review, name="review"),
    path("status/", account_views.lookup, name="status_lookup"),
    path("bestaetigen/<str:token>/", views.guest_confirm_page, name="guest_confirm"),
    path("entwurf/<uuid:draft_id>/pruefen/", views.check, name="check"),
    path("entwurf/<uuid:draft_id>/<slug:step_slug>/", views.step, name="step"),
    path("eingegangen/<uuid:application_id>/", views.submitted, name="submitted"),
    path("<slug:service_slug>/", views.start, name="start"),
]
