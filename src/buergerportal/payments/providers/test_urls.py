"""The test provider's pages; they answer 404 unless the test provider is the one configured."""

from django.urls import path

from . import test_views

app_name = "test_payments"
urlpatterns = [
    path("<uuid:pk>/", test_views.pay, name="pay"),
]
