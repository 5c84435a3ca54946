"""The resident's orders (status, cover letter) and the registry office's dispatch."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from buergerportal.accounts.permissions import units_for_staff
from buergerportal.accounts.request_user import resident_from_request
from buergerportal.cases.views import staff_required

from .access import batch_for_staff, batches_for_staff, order_for_resident, orders_for_resident
from .dispatch import DispatchError, batch_create, batch_post, orders_ready
from .fees import SERVICE_SLUG
from .forms import BatchForm
from .models import CertificateOrder, DispatchBatch
from .printing import cover_letter_pdf
from .progress import order_progress
from .rendering import RENDER_ATTEMPTS_MAX, batch_render_retry


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def order_list(request: HttpRequest) -> HttpResponse:
    orders = orders_for_resident(resident_from_request(request))
    return render(
        request,
        "certificates/orders.html",
        {"rows": [(a, order_progress(a)) for a in orders], "service_slug": SERVICE_SLUG},
    )


@login_required
def order_detail(request: HttpRequest, application_id: str) -> HttpResponse:
    application = order_for_resident(resident_from_request(request), application_id)
    order = CertificateOrder.objects.filter(application=application).first()
    return render(
        request,
        "certificates/order.html",
        {"application": application, "stages": order_progress(application), "order": order},
    )


@login_required
@ratelimit(key="user", rate="30/h", block=True)
def cover_letter(request: HttpRequest, application_id: str) -> HttpResponse:
    """The cover letter, once printed. The certificate itself is never downloadable: the
    printed, signed and sealed paper is the legal document."""
    application = order_for_resident(resident_from_request(request), application_id)
    order = CertificateOrder.objects.filter(application=application, printed_at__isnull=False)
    if not order.exists():
        raise Http404
    return _pdf(cover_letter_pdf(order.get()), f"Anschreiben-{application.reference}.pdf")


@staff_required
def dispatch(request: HttpRequest) -> HttpResponse:
    user = resident_from_request(request)
    units = units_for_staff(user)
    form = BatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit = units.filter(slug="standesamt").first() or units.first()
        try:
            if unit is None:
                raise Http404
            batch = batch_create(unit=unit, by=user, limit=form.cleaned_data["size"])
        except DispatchError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _(
                    "Batch %(number)s is being printed: %(count)s orders. Its certificates and "
                    "cover letters appear below when they are ready."
                )
                % {"number": batch.pk, "count": batch.orders.count()},
            )
            return redirect("certificates:dispatch")
    return render(
        request,
        "certificates/dispatch.html",
        {
            "form": form,
            "ready": orders_ready(units=units).count(),
            "batches": batches_for_staff(user).annotate(order_count=Count("orders"))[:50],
            "attempts_max": RENDER_ATTEMPTS_MAX,
        },
    )


def _rendered(request: HttpRequest, batch_id: int) -> DispatchBatch:
    batch = batch_for_staff(resident_from_request(request), batch_id)
    if batch.rendered_at is None:
        raise Http404  # still being printed
    return batch


@staff_required
def batch_certificates(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = _rendered(request, batch_id)
    with batch.certificates_pdf.open("rb") as handle:
        return _pdf(handle.read(), f"Urkunden-Stapel-{batch.pk}.pdf")


@staff_required
def batch_letters(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = _rendered(request, batch_id)
    with batch.letters_pdf.open("rb") as handle:
        return _pdf(handle.read(), f"Anschreiben-Stapel-{batch.pk}.pdf")


@staff_required
@require_POST
def batch_posted(request: HttpRequest, batch_id: int) -> HttpResponse:
    user = resident_from_request(request)
    batch = batch_for_staff(user, batch_id)
    try:
        batch_post(batch=batch, by=user)
    except DispatchError as refusal:
        messages.error(request, str(refusal))
    return redirect("certificates:dispatch")


@staff_required
@require_POST
def batch_render_again(request: HttpRequest, batch_id: int) -> HttpResponse:
    user = resident_from_request(request)
    batch_render_retry(batch=batch_for_staff(user, batch_id), by=user)
    messages.success(request, _("Batch %(number)s is being printed again.") % {"number": batch_id})
    return redirect("certificates:dispatch")
