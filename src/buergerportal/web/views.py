"""The public pages: start page, legal pages, easy language, sign language, accessibility
statement with its feedback form, and the demo outbox."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ratelimit.decorators import ratelimit

from buergerportal.accounts.models import OrgUnit
from buergerportal.catalogue import registry
from buergerportal.core.feedback import feedback_submit
from buergerportal.core.forms import FeedbackForm

from . import accessibility_statement


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/home.html",
        {"life_situations": registry.life_situations(), "services": registry.services_a_to_z()},
    )


def imprint(request: HttpRequest) -> HttpResponse:
    return render(request, "web/pages/imprint.html")


def privacy(request: HttpRequest) -> HttpResponse:
    from buergerportal.privacy.retention import privacy_notice

    return render(request, "web/pages/privacy.html", {"notice": privacy_notice()})


# What the easy-language page offers, one sentence per service; a sentence shows only while
# its service exists and can be done online here (the page promises only what exists).
EASY_LANGUAGE_SERVICES = (
    ("bewohnerparkausweis", gettext_lazy("Get a parking permit for your street.")),
    ("personenstandsurkunde", gettext_lazy("Order a birth certificate.")),
    ("schwimmkurs", gettext_lazy("Book a swimming course.")),
    ("hundesteuer", gettext_lazy("Register your dog.")),
    ("familienpass", gettext_lazy("Apply for a family pass.")),
)
EASY_LANGUAGE_HELP_UNIT = "buergerservice"


def easy_language(request: HttpRequest) -> HttpResponse:
    offers = []
    for slug, sentence in EASY_LANGUAGE_SERVICES:
        service = registry.service_by_slug(slug)
        if service is not None and service.online:
            offers.append(sentence)
    help_unit = OrgUnit.objects.filter(slug=EASY_LANGUAGE_HELP_UNIT).first()
    return render(
        request, "web/pages/easy_language.html", {"offers": offers, "help_unit": help_unit}
    )


def sign_language(request: HttpRequest) -> HttpResponse:
    return render(request, "web/pages/sign_language.html")


def _public_form_rate(group: str, request: HttpRequest) -> str:
    return str(settings.PUBLIC_FORM_RATE)


@ratelimit(key="ip", rate=_public_form_rate, method="POST", block=False)
def accessibility(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST or None)
    if request.method == "POST":
        if getattr(request, "limited", False):
            form.is_valid()
            form.add_error(
                None,
                _("You have sent several messages in a short time. Please try again later."),
            )
            return render(request, "web/pages/accessibility.html", _statement(form), status=429)
        if form.is_valid():
            feedback_submit(**form.cleaned_data)
            messages.success(
                request, _("Thank you. Your feedback has reached our accessibility team.")
            )
            return redirect("web:accessibility")
    return render(request, "web/pages/accessibility.html", _statement(form))


def _statement(form: FeedbackForm) -> dict[str, object]:
    return {
        "form": form,
        "statement": accessibility_statement,
        "feedback_email": settings.FEEDBACK_EMAIL,
    }


def demo_outbox(request: HttpRequest) -> HttpResponse:
    """Demo only: the emails the portal sent, so a tester can click the verification link."""
    if not settings.DEMO:
        raise Http404
    mail_dir = Path(getattr(settings, "EMAIL_FILE_PATH", settings.VAR_DIR / "mail"))
    mails = []
    files = []
    if mail_dir.exists():
        files = sorted(mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in files[:20]:
        for raw in path.read_text(errors="replace").split("-" * 79):
            if raw.strip():
                msg = email.message_from_string(raw.strip(), policy=policy.default)
                body = msg.get_body(preferencelist=("plain",))
                mails.append(
                    {
                        "to": msg["To"],
                        "subject": msg["Subject"],
                        "date": msg["Date"],
                        "body": body.get_content() if body else "",
                    }
                )
    return render(request, "web/demo_outbox.html", {"mails": mails[:30]})
