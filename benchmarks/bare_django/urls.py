"""Every path renders the page the benchmark saved for it (``<name>.html``), or 404."""

from django.http import Http404, HttpRequest, HttpResponse
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import path


def page(request: HttpRequest, name: str) -> HttpResponse:
    try:
        return HttpResponse(render_to_string(f"{name}.html", request=request))
    except TemplateDoesNotExist as exc:
        raise Http404(name) from exc


urlpatterns = [path("<slug:name>/", page)]
