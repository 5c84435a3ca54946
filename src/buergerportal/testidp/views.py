"""The TEST identity provider's endpoints: discovery, keys, the sign-in page, the token."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from buergerportal.accounts.identity.levels import TrustLevel

from .forms import TestSignInForm
from .identities import identity_by_key

# Authlib is imported when the TEST provider is first used, not when the portal starts.


def discovery(request: HttpRequest) -> JsonResponse:
    issuer = settings.EID_ISSUER
    return JsonResponse(
        {
            "issuer": issuer,
            "authorization_endpoint": f"{issuer}/authorize/",
            "token_endpoint": f"{issuer}/token/",
            "jwks_uri": f"{issuer}/jwks/",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile", "email", "address"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": [
                "sub",
                settings.EID_TRUST_CLAIM,
                "given_name",
                "family_name",
                "birthdate",
                "place_of_birth",
                "address",
                "email",
            ],
            "acr_values_supported": list(settings.EID_TRUST_VALUES),
        }
    )


def jwks(request: HttpRequest) -> JsonResponse:
    from .server import public_jwks

    return JsonResponse(public_jwks())


@require_http_methods(["GET", "POST"])
def authorize(request: HttpRequest) -> HttpResponse:
    """The TEST sign-in page: choose an identity and a level (or cancel)."""
    from authlib.oauth2 import OAuth2Error

    from .server import SignedIn, server

    authorization = server()
    try:
        grant = authorization.get_consent_grant(request)
    except OAuth2Error as error:
        return render(
            request, "testidp/invalid.html", {"error": error.description or error.error}, status=400
        )
    wanted = {value: level for value, level in settings.EID_TRUST_VALUES.items()}.get(
        request.GET.get("acr_values", "")
    )
    if request.method == "POST" and "cancel" in request.POST:
        return authorization.create_authorization_response(request, grant_user=None, grant=grant)
    form = TestSignInForm(
        request.POST if request.method == "POST" else None,
        initial={"level": wanted or TrustLevel.HIGH},
    )
    if request.method == "POST" and form.is_valid():
        identity = identity_by_key(form.cleaned_data["identity"])
        if identity is None:  # cannot happen: the form's choices are the identities
            raise Http404
        signed_in = SignedIn(identity=identity, level=TrustLevel(form.cleaned_data["level"]))
        return authorization.create_authorization_response(
            request, grant_user=signed_in, grant=grant
        )
    return render(
        request,
        "testidp/authorize.html",
        {"form": form, "wanted": TrustLevel(wanted).label if wanted else None},
    )


@csrf_exempt  # a back-channel call from the portal's server, authenticated by client secret
@require_POST
def token(request: HttpRequest) -> HttpResponse:
    from .server import server

    return server().create_token_response(request)
