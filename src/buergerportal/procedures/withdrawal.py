"""The resident withdraws an application before it is decided."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from buergerportal.payments.access import payments_for_payable
from buergerportal.payments.models import PaymentState

from .fee_refund import application_fee_refund
from .lifecycle import EventKind, ProcedureError, application_transition, transition_allowed
from .models import Application, Status


def application_may_withdraw(application: Application) -> bool:
    return transition_allowed(application.status, Status.WITHDRAWN)


@transaction.atomic
def application_withdraw(*, application: Application, actor: Any) -> Application:
    """Withdraw an open application; decided ones cannot be. While the provider is confirming a
    payment it cannot be either (the money would arrive for a withdrawn application); a payment
    booked after all is audited for a refund (``applications.paying``)."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if not application_may_withdraw(locked):
        raise ProcedureError(_("This application has already been decided."))
    if (
        locked.status == Status.AWAITING_PAYMENT
        and payments_for_payable(locked).filter(state=PaymentState.PENDING).exists()
    ):
        raise ProcedureError(
            _("A payment for this application is in progress; please try again later.")
        )
    withdrawn = application_transition(
        application=locked, to=Status.WITHDRAWN, actor=actor, kind=EventKind.WITHDRAWN
    )
    application_fee_refund(withdrawn, reason=_("Application withdrawn before a decision"))
    return withdrawn
