"""Login failures are logged with a pseudonym of the address, never with the password."""

from __future__ import annotations

import logging
from typing import Any

from allauth.account.internal.flows.login import record_authentication
from allauth.account.signals import email_changed
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from buergerportal.core.audit import audit_record
from buergerportal.core.client_ip import client_ip
from buergerportal.core.logging import pseudonym

from .login_throttle import login_failure_record

logger = logging.getLogger("buergerportal.accounts")


@receiver(user_login_failed)
def log_login_failure(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any):
    login = str(credentials.get("email") or credentials.get("username") or "")
    ip = client_ip(request) if request is not None else ""
    login_failure_record(ip=ip, login=login)
    logger.warning(
        "login failed",
        extra={"login_pseudonym": pseudonym(login), "ip_pseudonym": pseudonym(ip)},
    )


@receiver(user_logged_in)
def record_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(action="account.login", actor=user, obj=user)


@receiver(authenticator_added)
def count_activation_as_second_factor(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Activating TOTP proves the code just now, so this session counts as one with a 2nd factor.

    Without this, a member of staff who has just set up the app would be sent to log in again.
    ``record_authentication`` is allauth's own bookkeeping of the methods used in a session.
    """
    authenticator = kwargs.get("authenticator")
    if authenticator is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, method="mfa", type="totp")
    audit_record(action="account.second_factor_added", actor=user, obj=user)


@receiver(email_changed)
def record_email_change(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """The trail notes that the address changed, not the addresses themselves."""
    audit_record(action="account.email_changed", actor=user, obj=user)
