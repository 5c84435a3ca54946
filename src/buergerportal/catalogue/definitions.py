"""What a service (Verwaltungsleistung) is, as the catalogue knows it.

A service is defined in one Python module, ``buergerportal/services/<name>/definition.py``, which
exposes ``SERVICE``; docs/services.md explains how to add one. Texts a resident reads are
content (``Text``, from ``core/i18n.py``: German source, English beside it, further languages from
content catalogues), because cities edit them as content, not as code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from django import forms
from django.utils import timezone

from buergerportal.accounts.identity.levels import TrustLevel as TrustLevel  # re-exported
from buergerportal.core.i18n import Text as Text  # re-exported: services import it from here
from buergerportal.core.i18n import configured_languages

Answers = Mapping[str, Any]  # the cleaned answers of every step shown so far, by field name


@dataclass(frozen=True)
class LifeSituation:
    slug: str
    title: Text
    description: Text


@dataclass(frozen=True)
class Evidence:
    """A document the resident uploads (Nachweis); asked for on the step that names its slug."""

    slug: str
    title: Text
    hint: Text = Text("", "")
    required: bool = True


_F = TypeVar("_F", bound=forms.Field)


def short_label(form_field: _F, text: Text) -> _F:
    """Give a field whose label is a long question a short name for the error summary's link
    ("Zulassung – Wählen Sie Ja oder Nein", not the whole question); returns the field."""
    form_field.short_label = text.lazy()  # type: ignore[attr-defined]
    return form_field


@dataclass(frozen=True)
class Step:
    """One page of the form: a question or a small group, shown if ``condition(answers)`` holds.

    ``fields`` are Django form fields (labels and messages as ``Text(...).lazy()``); field
    names are unique across the service, because answers are kept flat. ``validate`` checks the
    page as a whole and returns an error message, or None.
    """

    slug: str
    title: Text
    fields: Mapping[str, forms.Field] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()
    condition: Callable[[Answers], bool] | None = None
    hint: Text = Text("", "")
    validate: Callable[[Answers], Text | None] | None = None
    # Once-only: values the registers already know, prefilled (editable) on a page not yet
    # answered; a function of the user returning {field name: value}.
    initial: Callable[[Any], Mapping[str, Any]] | None = None

    def applies(self, answers: Answers) -> bool:
        return self.condition is None or bool(self.condition(answers))


@dataclass(frozen=True)
class CheckResult:
    """What a check found: passed or not, and why as a code with parameters (``"not_in_zone"``,
    ``{"address": "Hauptstraße 5"}``), never as prose: the reason is rendered when read, in the
    reader's language, from the check's ``reasons``."""

    passed: bool
    code: str = ""
    params: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class Check:
    """A check run on submission; a failed check sends the case to a clerk with its reason.

    ``reasons`` holds the reason texts by code; ``{name}`` in a text is filled from the
    result's params (``Text("Ihre Anschrift ({address}) ...", "Your address ({address}) ...")``).

    ``declared=True``: the check only repeats the applicant's own answer (nothing was looked
    up); it is shown as "declared by the applicant", never as "passed".

    ``stops``: the codes of failed results with which the application cannot succeed, whatever
    a clerk would decide (no main residence in a zone; a valid permit already held). Such a
    result stops the application on "check your answers", before submitting and paying, with
    the reason and ``remedies[code]`` (what to do instead). ``on_start=True``: the check needs
    nothing from the form (it asks the registers about the applicant only), so it runs before
    the first question too. ``links[code]``: the text of a link to the result's ``url``
    param, shown with a stopping result (e.g. to the open application that stops this one).
    """

    slug: str
    title: Text
    run: Callable[[Answers], CheckResult]
    reasons: Mapping[str, Text] = field(default_factory=dict)
    declared: bool = False
    stops: frozenset[str] = frozenset()
    remedies: Mapping[str, Text] = field(default_factory=dict)
    on_start: bool = False
    links: Mapping[str, Text] = field(default_factory=dict)

    def reason(self, code: str, params: Mapping[str, object], language: str | None = None) -> str:
        """The reason for ``code`` in the language (default: the active one); "" for no code.
        An unknown code (a reason removed since) shows as the code itself, for the clerk."""
        if not code:
            return ""
        text = self.reasons.get(code)
        return text.format(params, language) if text is not None else code


@dataclass(frozen=True)
class LegalBasis:
    """The legal provision that allows a decision without a person (e.g. VwVfG § 35a together
    with the city's rule): its citation and its text, shown to the resident."""

    citation: Text
    text: Text


@dataclass(frozen=True)
class Workflow:
    # Deciding without a person needs a legal provision that allows it (VwVfG § 35a): a
    # workflow that may decide automatically must name it in ``legal_basis``.
    may_decide_automatically: bool = False
    four_eyes: bool = False  # a second, different approver confirms every decision
    target_days: int = 14  # processing time promised; older open cases are flagged
    info_request_days: int = 14  # default deadline for the resident's answer
    legal_basis: LegalBasis | None = None

    def __post_init__(self) -> None:
        if self.may_decide_automatically and (
            self.legal_basis is None or not self.legal_basis.citation.de
        ):
            raise ValueError(
                "Workflow(may_decide_automatically=True) needs the legal provision that allows "
                "an automatic decision: legal_basis=LegalBasis(citation=Text(...), text=Text(...))"
                " (VwVfG § 35a)"
            )


@dataclass(frozen=True)
class FeePart:
    """One line of an application's fee on the payment and the receipt: a code of the fee
    schedule, its amount in cents, and how many of it (e.g. copies) the amount covers."""

    code: str
    amount_cents: int
    quantity: int = 1


@dataclass(frozen=True)
class FeeContext:
    """What a fee may depend on: the answers, who applies (``None`` for a guest), the day the
    fee is worked out, and what the resident register knows about the applicant."""

    answers: Answers
    applicant: Any
    today: date

    def person(self) -> Any:
        """The applicant's entry in the resident register (once-only), or None."""
        from buergerportal.registers.identity import person_for_user

        return person_for_user(self.applicant)


def free_of_charge(context: FeeContext) -> int:
    return 0


class Charging(StrEnum):
    """When and how a service's fee is charged."""

    FREE = "free"
    #: paid online right after submitting; the case is worked once it is paid (parking permit)
    BEFORE_REVIEW = "before_review"
    #: assessed by the notice on approval and collected afterwards: by direct debit where the
    #: applicant has a mandate, otherwise paid online by the due date (taxes, e.g. dog tax; a
    #: service collects later periods by mandate with its own periodic job, as the parking
    #: permit's yearly renewal does)
    BY_NOTICE = "by_notice"


class ApprovalRefused(Exception):
    """What approval would create cannot be created (e.g. the registers no longer support a
    permit); the message says why, for the clerk. The decision is then not taken."""


@dataclass(frozen=True)
class ServiceDefinition:
    slug: str
    title: Text
    summary: Text
    unit: str  # slug of the responsible OrgUnit
    life_situations: tuple[str, ...]
    key: str = ""  # key in the federal service catalogue (LeiKa / FIM), where one exists
    eligibility: tuple[Text, ...] = ()
    evidence: tuple[Text, ...] = ()
    fee: Text = Text("kostenlos", "free of charge")
    duration: Text = Text("", "")
    ozg_facts: tuple[Text, ...] = ()
    keywords: tuple[str, ...] = field(default=())
    legal_basis: Text = Text("", "")
    # --- the online application (docs/services.md) ---
    steps: tuple[Step, ...] = ()
    uploads: tuple[Evidence, ...] = ()
    fee_rule: Callable[[FeeContext], int] = free_of_charge  # integer cents
    charging: Charging | None = None  # default: FREE without a fee rule, else BEFORE_REVIEW
    payment_due_days: int = 30  # BY_NOTICE: days from the notice until the fee is due
    fee_item_code: str = ""  # the finance office's code for the fee; default: ``key``, or slug
    fee_item_label: Text | None = None  # the fee item on the receipt; default: ``title``
    # The finance code of one application's fee where it depends on the answers (a tax's rate:
    # first or further dog), a function of the application; default: ``fee_item_code``.
    fee_item_code_for: Callable[[Any], str] | None = None
    # The fee split into lines where it is made of several fees of the schedule (copies, and
    # registered mail on top): a function of the application returning ``FeePart``s whose
    # amounts add up to its fee; each line's label comes from the schedule. Default: one line.
    fee_parts: Callable[[Any], list[FeePart]] | None = None
    checks: tuple[Check, ...] = ()
    workflow: Workflow = Workflow()
    retention_days: int = 3 * 365  # after the decision; then the case is deleted or anonymised
    # Rules of the retention table (``privacy/retention.py``) for records this service creates
    # besides applications and payments (e.g. an issued permit); shown on the service page.
    retention_rules: tuple[str, ...] = ()
    guests_allowed: bool = False
    # One open application per applicant: a second one is stopped before it is submitted or
    # paid, with a link to the first (a resident cannot pay twice for the same thing).
    one_open_application: bool = False
    declaration: Text = Text(
        "Ich versichere, dass meine Angaben richtig und vollständig sind.",
        "I declare that the information I have given is correct and complete.",
    )
    decision_text: Text = Text("", "")  # what the notice (Bescheid) grants, shown on approval
    # The mailbox message that carries the approval notice, where the service's next step
    # says more than "notice attached" (e.g. "your certificate will be printed"): subject
    # (``{reference}`` is filled in) and body. Default: the engine's notice message.
    approval_message: tuple[Text, Text] | None = None
    # What an approved application delivers besides the notice (e.g. a permit to print):
    # a function of the application returning (file name, bytes, MIME type) triples.
    result_documents: Callable[[Any], list[tuple[str, bytes, str]]] | None = None
    # What approval creates (a permit, a registration), called in the decision's transaction
    # with the application; raises ``ApprovalRefused`` if it cannot be created.
    on_approve: Callable[[Any], None] | None = None
    # What the notice grants as actually created (e.g. the permit's real validity): a function
    # of the application returning sentences in the current language, printed on the notice.
    notice_lines: Callable[[Any], list[str]] | None = None
    # Decisions only this service offers besides approve and reject (e.g. approving a tax
    # registration at the normal rate while refusing the claimed exemption): a function of the
    # open case returning (label, URL) pairs, shown to staff under "Decide". The service's own
    # page at the URL takes the decision (``cases.workflow.case_decide``).
    case_actions: Callable[[Any], list[tuple[str, str]]] | None = None
    # A template included on the service page for what only this service shows (e.g. zones).
    page_template: str = ""
    # The URL name where a service with its own pages instead of form steps starts online
    # (the swimming courses' course list); the service page's start button leads there.
    start_url_name: str = ""
    # Once-only: what the registers already know about the applicant, shown on the first step
    # instead of being asked; a function of the user returning (label, value) pairs.
    applicant_facts: Callable[[Any], list[tuple[Text, str]]] | None = None
    # The registers the service asks ("resident", "vehicle"): the service is available only
    # while they answer (figures/availability.py); ``applicant_facts`` implies "resident".
    registers: tuple[str, ...] = ()
    # Whether residents pay through the payment provider; default: whether the fee rule charges
    # (a service that books and charges on its own pages, like swimming courses, says True).
    pays_online: bool | None = None
    # The trust level of the login the form needs (BundID: basic, substantial, high; a login
    # with email and password counts as basic). A resident below it is asked to sign in with
    # the eID before the form starts (accounts/identity/step_up.py).
    trust_level: TrustLevel = TrustLevel.BASIC

    def __post_init__(self) -> None:
        if self.trust_level not in set(TrustLevel):
            raise ValueError(
                f"service {self.slug!r}: trust_level must be one of "
                f"{', '.join(TrustLevel)}, not {self.trust_level!r}"
            )
        if set(self.registers) - {"resident", "vehicle"}:
            raise ValueError(
                f"service {self.slug!r}: registers may name only 'resident' and 'vehicle'"
            )
        if self.guests_allowed and self.trust_level != TrustLevel.BASIC:
            raise ValueError(
                f"service {self.slug!r}: a service that allows guests cannot need a trust level"
            )
        if self.guests_allowed and self.fee_rule is not free_of_charge:
            # Payments need a logged-in payer (receipt, refunds, mailbox): see docs/services.md.
            raise ValueError(
                f"service {self.slug!r}: a service that allows guests must be free of charge "
                "(fee_rule=free_of_charge); payments need a logged-in payer"
            )
        if (self.charging == Charging.FREE) != (self.fee_rule is free_of_charge) and (
            self.charging is not None
        ):
            raise ValueError(
                f"service {self.slug!r}: charging=Charging.FREE goes with fee_rule=free_of_charge"
                " and only with it"
            )

    def fee_for(self, *, answers: Answers, applicant: Any, today: date | None = None) -> int:
        """The fee in cents for these answers and this applicant, worked out today."""
        return self.fee_rule(
            FeeContext(answers=answers, applicant=applicant, today=today or timezone.localdate())
        )

    @property
    def charging_mode(self) -> Charging:
        if self.charging is not None:
            return self.charging
        return Charging.FREE if self.fee_rule is free_of_charge else Charging.BEFORE_REVIEW

    @property
    def charges_fee(self) -> bool:
        """Whether the fee rule may charge anything (``free_of_charge`` never does)."""
        return self.fee_rule is not free_of_charge

    @property
    def applies_online(self) -> bool:
        """A service with form steps can be applied for online."""
        return bool(self.steps)

    @property
    def online(self) -> bool:
        """Whether residents can do this service online: with form steps or its own pages.
        A service that is not online is "information only": its page gives the unit's contact."""
        return self.applies_online or bool(self.start_url_name)

    def step(self, slug: str) -> Step | None:
        return next((s for s in self.steps if s.slug == slug), None)

    def evidence_spec(self, slug: str) -> Evidence | None:
        return next((e for e in self.uploads if e.slug == slug), None)

    def matches(self, query: str) -> bool:
        """Case-insensitive search over the titles and summaries in every configured language,
        and the keywords."""
        texts = [
            text.in_language(code)
            for code in configured_languages()
            for text in (self.title, self.summary)
        ]
        haystack = " ".join([*texts, *self.keywords]).casefold()
        return all(word in haystack for word in query.casefold().split())
