"""TEST identity provider, mounted at /test-idp/ only when BP_TEST_IDP is on (demo, tests)."""

from django.urls import path

from . import views

app_name = "testidp"
urlpatterns = [
    path(".well-known/openid-configuration", views.discovery, name="discovery"),
    path("jwks/", views.jwks, name="jwks"),
    path("authorize/", views.authorize, name="authorize"),
    path("token/", views.token, name="token"),
]
