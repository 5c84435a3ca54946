"""A service's maturity level on the OZG maturity model 2.0 (levels 0–7, since July 2025),
computed from facts the platform knows about the service instead of a hand-typed number.

Our reading of the model (docs: ozg.sachsen-anhalt.de/grundlagen/reifegradmodell): levels 0–3
are the front end, 4–6 the process and data, 7 the full end-to-end service. A level needs every
fact of the levels below it:

1  the service is described online (a page in the catalogue)
3  online application with submission, in a user account or as a guest
4  electronic result and status: fees paid online, notice in the mailbox, status tracking
5  once-only: the registers answer what the city already knows
6  identification with the eID at a substantial or high level (DeutschlandID)
7  end to end without a person where the law allows it (automatic decision)

Facts the platform cannot know yet (the eID level of a service) count as not present, so the
computed level is never higher than the truth.
"""

from __future__ import annotations

from dataclasses import dataclass

from buergerportal.catalogue.definitions import ServiceDefinition
from buergerportal.core.i18n import Text

FACTS: tuple[tuple[str, Text, int], ...] = (
    ("described_online", Text("Online beschrieben", "Described online"), 1),
    ("online_application", Text("Online-Antrag", "Online application"), 3),
    ("online_payment", Text("Online-Bezahlung (falls Gebühr)", "Online payment (if a fee)"), 4),
    ("electronic_notice", Text("Elektronischer Bescheid", "Electronic notice"), 4),
    ("status_tracking", Text("Statusverfolgung", "Status tracking"), 4),
    ("once_only", Text("Once-Only (Register)", "Once-only (registers)"), 5),
    ("eid_level", Text("eID-Niveau substanziell/hoch", "eID level substantial/high"), 6),
    ("automatic_decision", Text("Automatische Entscheidung", "Automatic decision"), 7),
)


@dataclass(frozen=True)
class Maturity:
    level: int
    facts: dict[str, bool]


def service_facts(service: ServiceDefinition) -> dict[str, bool]:
    online = service.applies_online
    return {
        "described_online": True,
        "online_application": online,
        # Every fee of this portal is paid online (payments/); a free service needs none.
        "online_payment": online,
        # Every decided application's notice is a tagged PDF in the mailbox (documents/).
        "electronic_notice": online,
        # Every application has its status page, with or without an account (procedures/).
        "status_tracking": online,
        "once_only": online and service.applicant_facts is not None,
        "eid_level": False,  # not yet known to the platform per service
        "automatic_decision": online and service.workflow.may_decide_automatically,
    }


def service_maturity(service: ServiceDefinition) -> Maturity:
    facts = service_facts(service)
    level = 0
    for candidate in sorted({lvl for _k, _t, lvl in FACTS}):
        needed = [key for key, _t, lvl in FACTS if lvl == candidate]
        if not all(facts[key] for key in needed):
            break
        level = candidate
    return Maturity(level=level, facts=facts)
