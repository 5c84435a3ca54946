"""The provider's server-to-server notification endpoint."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..booking import NotificationRejected, notification_process


@csrf_exempt  # called by the provider's server, authenticated by the HMAC signature instead
@require_POST
def notify(request: HttpRequest) -> HttpResponse:
    try:
        notification_process(body=request.body, headers=request.headers)
    except NotificationRejected:
        return HttpResponse("rejected", status=400, content_type="text/plain")
    return HttpResponse("OK", content_type="text/plain")
