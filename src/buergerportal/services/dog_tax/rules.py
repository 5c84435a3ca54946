"""The dog tax's rules as plain functions: when the tax starts and ends, which rate applies,
what a month costs, and the checks and page validations of the registration form.

- The duty to register starts with keeping the dog or, for a puppy, when it is three months old;
  the tax runs from the first day of the following month and ends with the month the keeping
  ends (deregistration).
- The rate: a listed breed pays the listed rate; otherwise the household's first dog the
  first-dog rate (half of it, on its own code, with social benefits), every further dog the
  further rate. Assistance and rescue dogs are exempt for good, a dog from the city's shelter
  for its first 12 months, a dog whose holder has a certificate of competence for two years.
- Each month costs a twelfth of the yearly rate valid on its first day, so a rate change on
  1 January is charged from January on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from buergerportal.catalogue.definitions import Answers, CheckResult, FeeContext, Text

from . import fees
from .breeds import breed_is_listed

PUPPY_MONTHS = 3
# Exemptions (nothing to pay while they last) and the one reduction (its own rate).
EXEMPTIONS = ("assistance", "rescue", "shelter", "competence")
REDUCTION = "social"


@dataclass(frozen=True)
class Liability:
    """What decides a dog's tax in a month."""

    listed: bool
    further: bool
    claim: str = ""
    claim_until: date | None = None  # None with an exemption: for good

    @property
    def code(self) -> str:
        if self.listed:
            return fees.LISTED
        if self.further:
            return fees.FURTHER
        return fees.SOCIAL if self.claim == REDUCTION else fees.FIRST

    def yearly(self, on: date) -> int:
        """The yearly rate valid on ``on`` (before any exemption)."""
        return fees.yearly_rate(code=self.code, on=on)

    def exempt_in(self, month: date) -> bool:
        return self.claim in EXEMPTIONS and (self.claim_until is None or month <= self.claim_until)

    def month_cents(self, month: date) -> int:
        return 0 if self.exempt_in(month) else self.yearly(month) // 12


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, count: int) -> date:
    """The same day ``count`` months later (or earlier), the month's last day where it is
    shorter (31 January + 1 month = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + count
    year, month = divmod(index, 12)
    month += 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def months(first: date, last: date) -> list[date]:
    """The first days of the months from ``first``'s month to ``last``'s month, inclusive."""
    month, end, out = month_start(first), month_start(last), []
    while month <= end:
        out.append(month)
        month = add_months(month, 1)
    return out


def cents_for(liability: Liability, first: date, last: date) -> int:
    """The tax for the months from ``first`` to ``last``. The schedule is read once for the
    first month and again only where a new rate starts in the period (two queries a dog in
    the yearly run, not twelve)."""
    from buergerportal.catalogue.models import Fee

    period = months(first, last)
    if not period:
        return 0
    starts = set(
        Fee.objects.filter(
            service_slug=fees.SERVICE_SLUG,
            code=liability.code,
            valid_from__gt=period[0],
            valid_from__lte=period[-1],
        ).values_list("valid_from", flat=True)
    )
    total, yearly = 0, None
    for month in period:
        if yearly is None or any(month >= start > month - timedelta(days=31) for start in starts):
            yearly = liability.yearly(month)
        total += 0 if liability.exempt_in(month) else yearly // 12
    return total


def duty_starts_on(*, kept_from: date, born_on: date | None) -> date:
    """Keeping a puppy counts from the day it is three months old."""
    if born_on is None:
        return kept_from
    return max(kept_from, add_months(born_on, PUPPY_MONTHS))


def tax_starts_on(*, kept_from: date, born_on: date | None) -> date:
    """The first day of the month after the duty starts."""
    return add_months(month_start(duty_starts_on(kept_from=kept_from, born_on=born_on)), 1)


def tax_ends_on(ended_on: date) -> date:
    """The tax ends with the month the keeping ends: its last day."""
    return add_months(month_start(ended_on), 1) - timedelta(days=1)


def claim_until(*, claim: str, kept_from: date, tax_from: date) -> date | None:
    if claim == "shelter":
        return add_months(kept_from, 12) - timedelta(days=1)
    if claim == "competence":
        return add_months(tax_from, 24) - timedelta(days=1)
    return None


def household_has_other_dogs(holder: Any, *, exclude_id: int | None = None) -> bool:
    """Whether the holder keeps another registered dog (the household's own tax register)."""
    from .models import Dog

    if holder is None:
        return False
    others = Dog.objects.filter(holder=holder, status=Dog.Status.VALID, ended_on=None)
    if exclude_id is not None:
        others = others.exclude(pk=exclude_id)
    return others.exists()


def liability_from_answers(answers: Answers, *, further: bool) -> Liability:
    kept_from: date = answers["kept_from"]
    claim = answers.get("claim") or ""
    tax_from = tax_starts_on(kept_from=kept_from, born_on=answers.get("born_on"))
    return Liability(
        listed=breed_is_listed(answers.get("breed") or ""),
        further=further,
        claim=claim,
        claim_until=claim_until(claim=claim, kept_from=kept_from, tax_from=tax_from),
    )


def first_assessment(answers: Answers, *, further: bool, today: date) -> tuple[date, date, int]:
    """The first notice's period (tax start to 31 December of this year) and its amount in
    cents, the claims taken as granted."""
    liability = liability_from_answers(answers, further=further)
    start = tax_starts_on(kept_from=answers["kept_from"], born_on=answers.get("born_on"))
    end = date(today.year, 12, 31)
    return start, end, cents_for(liability, start, end) if start <= end else 0


def fee(context: FeeContext) -> int:
    """The fee rule: the first assessment, as the notice will state it if the claims are
    granted (a clerk decides every claim)."""
    if context.answers.get("kept_from") is None:
        return 0
    further = household_has_other_dogs(context.applicant)
    return first_assessment(context.answers, further=further, today=context.today)[2]


# -- page validations (they see the page's cleaned answers) -------------------------------------


def dates_valid(answers: Answers) -> Text | None:
    """Start of keeping: not in the future, not before birth, at most a year back."""
    today = timezone.localdate()
    born: date | None = answers.get("born_on")
    kept: date | None = answers.get("kept_from")
    if born is not None and born > today:
        return Text("Das Geburtsdatum liegt in der Zukunft.", "The date of birth is in the future.")
    if kept is None:
        return None
    if kept > today:
        return Text(
            "Der Beginn der Haltung liegt in der Zukunft. Melden Sie den Hund an, sobald Sie "
            "ihn halten: innerhalb eines Monats ab diesem Tag.",
            "The start of keeping is in the future. Register the dog once you keep it: within "
            "one month from that day.",
        )
    if born is not None and kept < born:
        return Text(
            "Der Beginn der Haltung liegt vor der Geburt des Hundes.",
            "The start of keeping is before the dog's date of birth.",
        )
    if kept < add_months(today, -12):
        return Text(
            "Der Beginn der Haltung liegt mehr als ein Jahr zurück. Ein Hund ist innerhalb "
            "eines Monats nach Beginn der Haltung anzumelden; eine so späte Anmeldung nimmt das "
            "Steueramt nur persönlich entgegen, weil die Steuer für die zurückliegenden Jahre "
            "festgesetzt wird. Bitte wenden Sie sich an das Steueramt.",
            "The start of keeping is more than a year ago. A dog must be registered within one "
            "month of the start of keeping; the tax office takes a registration this late only "
            "in person, because the tax for the past years is assessed. Please contact the tax "
            "office.",
        )
    return None


def registration_is_late(answers: Answers, *, today: date | None = None) -> bool:
    kept: date | None = answers.get("kept_from")
    if kept is None:
        return False
    today = today or timezone.localdate()
    duty = duty_starts_on(kept_from=kept, born_on=answers.get("born_on"))
    return add_months(duty, 1) < today


# -- checks (a failed check sends the case to a clerk) ------------------------------------------

BREED_REASONS = {
    "listed": Text(
        "Listenhund: die Sachbearbeitung prüft die Rasse und den höheren Steuersatz",
        "Listed breed: a clerk checks the breed and the higher rate",
    ),
}
CLAIM_REASONS = {
    "claimed": Text(
        "Steuerbefreiung oder -ermäßigung beantragt: die Sachbearbeitung prüft den Nachweis",
        "Exemption or reduction claimed: a clerk checks the evidence",
    ),
}
LATE_REASONS = {
    "late": Text(
        "Anmeldung später als einen Monat nach Beginn der Haltung",
        "Registered more than a month after the start of keeping",
    ),
}


def breed_not_listed(answers: Answers) -> CheckResult:
    if breed_is_listed(answers.get("breed") or ""):
        return CheckResult(False, "listed")
    return CheckResult(True)


def no_claim(answers: Answers) -> CheckResult:
    if answers.get("claim"):
        return CheckResult(False, "claimed")
    return CheckResult(True)


def registered_in_time(answers: Answers) -> CheckResult:
    if registration_is_late(answers):
        return CheckResult(False, "late")
    return CheckResult(True)


def claims_something(answers: Answers) -> bool:
    return bool(answers.get("claim"))


def chip_numbers_in_use(chips: Iterable[str]) -> set[str]:
    from .models import Dog

    return set(
        Dog.objects.filter(
            chip__in=list(chips), ended_on=None, status=Dog.Status.VALID
        ).values_list("chip", flat=True)
    )
