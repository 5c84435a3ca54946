"""Data read during a request is attributed to the request's user unless code says otherwise."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .access_log import data_access_context


class DataAccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # request.user is lazy: nothing is loaded unless a register read asks who it is
        with data_access_context(accessor=getattr(request, "user", None)):
            return self.get_response(request)
