"""TEST identity provider: a local OpenID Connect provider standing in for BundID's broker.

TEST ONLY. It is installed with ``BP_TEST_IDP=true`` (the demo and the tests) and never
otherwise. Built on Authlib's authorization server (authorization code flow with PKCE and the
OpenID Connect extension): RS256-signed ID tokens, nonce, state. The person signing in picks one
of the test identities (``identities.py``: the demo city's residents and a few edge cases) and a
trust level; the token carries them like a broker in front of BundID would.
"""
