"""Sign in with the federal citizen account (BundID / DeutschlandID) through an OIDC broker.

An allauth provider (``provider.py``) built on allauth's OpenID Connect provider, stricter where
a government login must be: PKCE, a nonce bound to the login's state, the ID token's signature
always checked (``tokens.py``), the trust level read from the signed token only. The issuer,
client and claims come from settings (``EID_*``, docs/operations.md).
"""
