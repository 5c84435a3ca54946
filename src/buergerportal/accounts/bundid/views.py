"""The login and callback views of the BundID provider (allauth's OAuth2 views)."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from allauth.utils import build_absolute_uri
from django.http import HttpRequest
from django.urls import reverse

from .tokens import EidTokenRefused, id_token_verify


class BundIDOAuth2Adapter(OpenIDConnectOAuth2Adapter):
    def __init__(self, request: HttpRequest) -> None:
        super().__init__(request, "bundid")
        self.state: dict[str, Any] = {}

    def get_provider(self) -> Any:
        return get_adapter(self.request).get_provider(self.request, provider="bundid")

    def get_callback_url(self, request: HttpRequest, app: Any) -> str:
        return build_absolute_uri(request, reverse("bundid_callback"))

    def complete_login(self, request: HttpRequest, app: Any, token: Any, **kwargs: Any) -> Any:
        """Only the verified ID token's claims make the login (no userinfo call)."""
        id_token = kwargs["response"].get("id_token")
        if not id_token:
            raise EidTokenRefused("invalid")
        claims = id_token_verify(
            id_token,
            jwks_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            nonce=self.state.get("nonce"),
        )
        return self.get_provider().sociallogin_from_response(request, {"id_token": claims})


class BundIDCallbackView(OAuth2CallbackView):
    """allauth's callback, handing the login's state (with its nonce) to the adapter."""

    adapter: BundIDOAuth2Adapter

    def _get_state(self, request: HttpRequest, provider: Any) -> Any:
        state, response = super()._get_state(request, provider)
        self.adapter.state = state or {}
        return state, response


oauth2_login = OAuth2LoginView.adapter_view(BundIDOAuth2Adapter)
oauth2_callback = BundIDCallbackView.adapter_view(BundIDOAuth2Adapter)
