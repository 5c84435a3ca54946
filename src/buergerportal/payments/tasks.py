"""Background tasks. Each takes ids, loads, and calls one function (house rule 4)."""

from __future__ import annotations

import datetime
import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def payment_outcome_notify(*, payment_id: int) -> None:
    """Tell the payable's owner that its payment was paid, failed or was cancelled."""
    from .outcome import payment_outcome_deliver

    payment_outcome_deliver(payment_id=payment_id)


@task()
def receipt_issue(*, payment_id: int) -> None:
    from .receipts import receipt_issue as issue

    issue(payment_id=payment_id)


@task()
def refund_execute(*, refund_id: int) -> None:
    from .refunds import refund_execute as execute

    execute(refund_id=refund_id)


@task()
def payments_settle_stale() -> int:
    """Periodic: settle payments whose notification never came (see docs/payments.md)."""
    from .settlement import payments_settle_stale as settle

    return settle()


@task()
def test_provider_notify(*, transaction_id: str) -> int:
    """The test provider's server-to-server notification (possibly late, possibly again)."""
    from .providers.test_delivery import test_notification_send

    return test_notification_send(transaction_id=transaction_id)


@task()
def mandates_lapse() -> int:
    """Periodic: mandates unused for 36 months lapse."""
    from .sepa.mandates import mandates_lapse as lapse

    return lapse()


@task()
def mandates_retention_sweep() -> int:
    """Periodic: delete ended mandates 14 months after their last collection."""
    from .sepa.mandate_retention import mandates_retention_sweep as sweep

    return sweep()


@task()
def sepa_collection_build(*, collection_date: str) -> list[int]:
    """Scheduled: the pain.008 files for one collection date (ISO date)."""
    from .sepa.collection import collection_files_create

    created = collection_files_create(
        collection_date=datetime.date.fromisoformat(collection_date), created_by=None
    )
    return [file.pk for file in created]


@task()
def debit_return_notify(*, return_id: int) -> None:
    """Tell the payer that their direct debit was returned (once, with the pay link)."""
    from .sepa.returns import debit_return_notify_payer

    debit_return_notify_payer(return_id=return_id)


@task()
def debit_return_overdue_notify(*, return_id: int) -> None:
    """A returned debit is unpaid after its deadline: the payable's owner acts (suspends)."""
    from .sepa.returns import debit_return_overdue_deliver

    debit_return_overdue_deliver(return_id=return_id)


@task()
def debit_returns_overdue() -> int:
    """Periodic: returned debits still unpaid after ``BP_SEPA_RETURN_DEADLINE_DAYS``."""
    from .sepa.returns import debit_returns_overdue as overdue

    return overdue()


@task()
def debits_settle() -> int:
    """Periodic: debits past the return period are settled and get their receipts."""
    from .sepa.settling import debits_settle as settle

    return settle()
