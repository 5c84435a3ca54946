"""What payments hold back from other apps' retention sweeps: money that is still moving.

A payable (an application, a permit, a change) must not be deleted while one of its payments is
not settled (created or waiting for the provider, including a direct debit the bank has not
collected yet) or while a refund of it waits for approval or payout. Booked payments need no
payable: a payment keeps its reference (``purpose``) and what it paid for (``payable_label``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from .models import Payment
from .models.payment import OPEN_STATES
from .models.refund import RefundState

REFUND_OPEN_STATES = {RefundState.AWAITING_APPROVAL, RefundState.APPROVED}


def payables_with_money_open(*, model: type[models.Model], ids: Iterable[object]) -> set[str]:
    """The ids (as strings) among ``ids`` of ``model`` whose money is not settled yet."""
    keys = [str(pk) for pk in ids]
    if not keys:
        return set()
    open_money = Payment.objects.filter(
        payable_type=ContentType.objects.get_for_model(model), payable_id__in=keys
    ).filter(Q(state__in=OPEN_STATES) | Q(refunds__state__in=REFUND_OPEN_STATES))
    return set(open_money.values_list("payable_id", flat=True).distinct())
