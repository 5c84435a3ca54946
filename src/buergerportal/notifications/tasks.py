"""Background tasks of notifications; they take ids, load and call one function."""

from __future__ import annotations

from django_tasks import task

from buergerportal.applications.models import Application

from .emails import application_email


@task()
def application_email_send(application_id: str, kind: str) -> None:
    application = Application.objects.filter(pk=application_id).select_related("applicant").first()
    if application is None:  # deleted in the meantime: nothing to say
        return
    application_email(application=application, kind=kind)


@task()
def receipt_email_send(receipt_id: int) -> None:
    from buergerportal.payments.models import Receipt

    from .receipts import receipt_email

    receipt = Receipt.objects.filter(pk=receipt_id).select_related("payment__payer").first()
    if receipt is not None:
        receipt_email(receipt=receipt)
