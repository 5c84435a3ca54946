"""The BundID provider: allauth's OpenID Connect provider with PKCE, nonce and strict checks."""

from __future__ import annotations

import secrets
from typing import Any

from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider
from allauth.socialaccount.providers.openid_connect.provider import (
    OpenIDConnectProvider,
    OpenIDConnectProviderAccount,
)
from allauth.utils import get_request_param
from django.conf import settings
from django.http import HttpRequest

from buergerportal.accounts.identity.levels import TrustLevel, claim_value_for

from .views import BundIDOAuth2Adapter


class BundIDAccount(OpenIDConnectProviderAccount):
    def to_str(self) -> str:
        return "BundID"


class BundIDProvider(OpenIDConnectProvider):
    id = "bundid"
    name = "BundID"
    account_class = BundIDAccount
    oauth2_adapter_class = BundIDOAuth2Adapter
    pkce_enabled_default = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.name = "BundID"

    def get_login_url(self, request: HttpRequest, **kwargs: Any) -> str:
        return OAuth2Provider.get_login_url(self, request, **kwargs)

    def get_callback_url(self) -> str:
        return OAuth2Provider.get_callback_url(self)

    def get_oauth2_adapter(self, request: HttpRequest) -> BundIDOAuth2Adapter:
        return BundIDOAuth2Adapter(request)

    def get_default_scope(self) -> list[str]:
        return list(settings.EID_SCOPES)

    def get_auth_params_from_request(self, request: HttpRequest, action: Any) -> dict[str, str]:
        """A step-up asks the broker for a minimum level (``acr_values``); what the login reached
        is read from the signed token afterwards, never from this request."""
        params = super().get_auth_params_from_request(request, action)
        params.pop("nonce", None)
        level = get_request_param(request, "level")
        if level in set(TrustLevel) and claim_value_for(level):
            params["acr_values"] = claim_value_for(level)
        return params

    def redirect(
        self,
        request: HttpRequest,
        process: Any,
        next_url: str | None = None,
        data: Any = None,
        **kwargs: Any,
    ) -> Any:
        """Sends a fresh nonce and keeps it in this login's (one-time) state."""
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        auth_params = dict(auth_params if auth_params is not None else self.get_auth_params())
        auth_params["nonce"] = nonce
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )


provider_classes = [BundIDProvider]
