"""Typed events of an application's lifecycle, published after the transaction commits.

The kernel (``lifecycle.application_transition``) publishes one event per transition;
other apps subscribe in their ``AppConfig.ready()`` with ``subscriber_register`` (the notice,
the resident's emails, a service's statistics, later webhooks). Nothing a subscriber does can
reach back into the transition: it runs after the commit, and only if there was one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from django.db import transaction


@dataclass(frozen=True)
class ApplicationEvent:
    application_id: str
    actor_id: int | None  # None: the system (an automatic decision, a payment's booking)
    automatic: bool = False


@dataclass(frozen=True)
class ApplicationSubmitted(ApplicationEvent):
    """Received: a free application, or one that now waits for its fee."""


@dataclass(frozen=True)
class ApplicationPaid(ApplicationEvent):
    """Its fee was booked; it goes to routing (automatic decision or the queue)."""


@dataclass(frozen=True)
class ApplicationInReview(ApplicationEvent):
    """A clerk took it, or it came back to review (a proposal sent back, a review asked for)."""


@dataclass(frozen=True)
class InformationRequested(ApplicationEvent):
    pass


@dataclass(frozen=True)
class InformationAnswered(ApplicationEvent):
    pass


@dataclass(frozen=True)
class ApplicationAwaitingConfirmation(ApplicationEvent):
    """Every check passed, and a clerk confirms (the service may not decide automatically)."""


@dataclass(frozen=True)
class DecisionProposed(ApplicationEvent):
    """Four-eyes: proposed, waiting for a second approver."""


@dataclass(frozen=True)
class ApplicationApproved(ApplicationEvent):
    pass


@dataclass(frozen=True)
class ApplicationRejected(ApplicationEvent):
    pass


@dataclass(frozen=True)
class ApplicationWithdrawn(ApplicationEvent):
    pass


@dataclass(frozen=True)
class ReviewRequested(ApplicationEvent):
    """The resident asked a person to review an automatic decision (GDPR Art. 22(3))."""


@dataclass(frozen=True)
class DecisionReviewed(ApplicationEvent):
    """A person reviewed the automatic decision; it stands (with the reviewer's reasons)."""


E = TypeVar("E", bound=ApplicationEvent)

_subscribers: dict[type[ApplicationEvent], list[Callable[..., None]]] = defaultdict(list)


def subscriber_register(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Call ``handler(event)`` after the commit of every transition that publishes ``event_type``.

    Registering the same handler twice (``ready()`` may run twice in tests) keeps one.
    """
    if handler not in _subscribers[event_type]:
        _subscribers[event_type].append(handler)


def subscribers_for(event_type: type[ApplicationEvent]) -> list[Callable[..., None]]:
    return list(_subscribers.get(event_type, ()))


def event_publish(event: ApplicationEvent) -> None:
    """Hand the event to its subscribers once the current transaction commits (never on
    rollback). Each subscriber gets its own callback, in the order they registered."""
    for handler in subscribers_for(type(event)):
        transaction.on_commit(partial(handler, event))
