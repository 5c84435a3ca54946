"""The family pass's rules: conditions, page validation and checks (plain functions of answers)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from buergerportal.catalogue.definitions import Answers, CheckResult, Text

MAX_MORE_ADULTS = 3
AGE_LIMIT = 18


def wants_plus(answers: Answers) -> bool:
    return answers.get("variant") == "plus"


def more_adults_limit(answers: Answers) -> Text | None:
    names = [line for line in (answers.get("more_adults") or "").splitlines() if line.strip()]
    if len(names) > MAX_MORE_ADULTS:
        return Text(
            "Nennen Sie höchstens drei weitere Erwachsene.", "Name no more than three more adults."
        )
    return None


# The checks' reasons by code (rendered when read, in the reader's language).
RESIDENCE_REASONS = {
    "no_main_residence": Text(
        "Kein Hauptwohnsitz in der Stadt angegeben", "No main residence in the city given"
    ),
}
CHILD_REASONS = {
    "birth_date_invalid": Text(
        "Geburtsdatum fehlt oder liegt in der Zukunft", "Date of birth missing or in the future"
    ),
    "adult": Text(
        "Das jüngste Kind ist zu Jahresbeginn 18 oder älter",
        "The youngest child is 18 or older at the start of the year",
    ),
}


def lives_in_city(answers: Answers) -> CheckResult:
    if answers.get("main_residence") == "yes":
        return CheckResult(True)
    return CheckResult(False, "no_main_residence")


def youngest_child_under_18(answers: Answers) -> CheckResult:
    born: date | None = answers.get("youngest_birth_date")
    year_start = date(timezone.localdate().year, 1, 1)
    if born is None or born > timezone.localdate():
        return CheckResult(False, "birth_date_invalid")
    adult_on = date(born.year + AGE_LIMIT, born.month, min(born.day, 28))
    if adult_on <= year_start:
        return CheckResult(False, "adult")
    return CheckResult(True)
