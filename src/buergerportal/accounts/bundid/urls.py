from allauth.socialaccount.providers.oauth2.urls import default_urlpatterns

from .provider import BundIDProvider

urlpatterns = default_urlpatterns(BundIDProvider)
