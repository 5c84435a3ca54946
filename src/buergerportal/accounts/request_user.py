"""The logged-in person of a request, typed as the portal's ``User``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from .models import User


def resident_from_request(request: HttpRequest) -> User:
    """The logged-in person (a resident or a member of staff) of a view behind a login check.

    ``request.user`` is typed ``User | AnonymousUser``; behind ``login_required`` it is
    always a ``User``. Should a view ever call this without a login check, an anonymous
    visitor gets 403 rather than reaching code written for a logged-in person.
    """
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    return user
