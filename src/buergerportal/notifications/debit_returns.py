"""Telling the payer that their direct debit was returned: a mailbox message with the amount,
the bank's reason, the link to pay online and the deadline, and an email that names only the
reference, the deadline and the links. Registered with ``register_return_listener``."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from buergerportal.applications.models import Application
from buergerportal.core.money import euros
from buergerportal.payments.models import DebitReturn, Payment
from buergerportal.payments.sepa.return_reasons import return_reason_text

from .mailbox import message_deliver
from .models import Message


def pay_url(payment: Payment | None) -> str:
    """The page where the payer pays ``payment`` online (it offers "Pay now")."""
    if payment is None:
        return ""
    return settings.SITE_URL.rstrip("/") + reverse("payments:return", args=[payment.public_id])


def _application(payment: Payment) -> Application | None:
    """The application the payment belongs to, directly or through the payable (a permit)."""
    payable = payment.payable
    if isinstance(payable, Application):
        return payable
    application = getattr(payable, "application", None)
    return application if isinstance(application, Application) else None


def debit_return_to_mailbox(debit_return: DebitReturn) -> None:
    """The return listener (``register_return_listener``)."""
    debit_return_deliver(debit_return=debit_return)


def debit_return_deliver(*, debit_return: DebitReturn) -> Message | None:
    """The mailbox message now, the email once the message is committed."""
    payment = debit_return.debit.payment
    payer = payment.payer
    if payer is None:
        return None
    url = pay_url(debit_return.repayment)
    with translation.override(payer.preferred_language or settings.LANGUAGE_CODE):
        pay_by = debit_return.pay_by.strftime("%d.%m.%Y")
        subject = _("Your direct debit was returned: please pay by %(date)s") % {"date": pay_by}
        body = _(
            "Your bank returned the direct debit of %(amount)s for %(purpose)s on %(returned)s.\n"
            "Reason given by the bank: %(reason)s (%(code)s).\n\n"
            "Please pay the same amount online by %(date)s: %(url)s\n\n"
            "If it is still unpaid after that date, what it pays for is suspended until you "
            "pay (a resident parking permit is then not valid)."
        ) % {
            "amount": euros(debit_return.amount_cents),
            "purpose": payment.purpose,
            "returned": debit_return.return_date.strftime("%d.%m.%Y"),
            "reason": return_reason_text(debit_return.reason_code),
            "code": debit_return.reason_code,
            "date": pay_by,
            "url": url or settings.SITE_URL.rstrip("/") + reverse("payments:overview"),
        }
        message = message_deliver(
            recipient=payer, subject=subject, body=body, application=_application(payment)
        )
        if payer.email:
            context = {
                "purpose": payment.purpose,
                "pay_by": pay_by,
                "pay_url": url,
                "site_url": settings.SITE_URL,
                "city": settings.CITY_NAME,
            }
            mail_subject = render_to_string(
                "notifications/email/debit_returned_subject.txt", context
            ).strip()
            mail_body = render_to_string("notifications/email/debit_returned_body.txt", context)
            transaction.on_commit(
                partial(
                    send_mail,
                    mail_subject,
                    mail_body,
                    None,
                    [payer.email],
                    fail_silently=True,
                )
            )
    return message
