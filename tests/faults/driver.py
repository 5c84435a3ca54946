"""What the fault tests run in a subprocess, on the clock the suite is pinned to:

    python -m tests.faults.driver setup     # migrate, then the three scenarios' data (JSON out)
    python -m tests.faults.driver serve PORT  # the portal over HTTP (one request at a time)
    python -m tests.faults.driver renew     # the yearly renewal run (parking_permits_renew)

``DJANGO_SETTINGS_MODULE=tests.faults.settings`` and ``BP_FAULT_DB`` name the database file.
"""

from __future__ import annotations

import json
import sys
import uuid
from datetime import date, timedelta

import time_machine

from tests.clock import suite_now

IBAN = "DE89370400440532013000"


def _setup() -> dict[str, str]:
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    import buergerportal.registers.demo as demo
    from buergerportal.accounts.models import OrgUnit, User
    from buergerportal.applications.models import Application
    from buergerportal.payments.creation import FeeItem, payment_create
    from buergerportal.payments.sepa.mandates import mandate_create
    from buergerportal.registers.demo import DEMO_RESIDENTS, demo_registers_load
    from buergerportal.registers.identity import person_link
    from buergerportal.services.parking_permit.issue import permit_create
    from buergerportal.services.parking_permit.models import Zone
    from buergerportal.services.parking_permit.zones import DEMO_ZONES, zones_load

    demo.SYNTHETIC_RESIDENTS = 20
    unit = OrgUnit.objects.create(slug="buergerservice", name_de="Bürgerservice")
    users = {email: User.objects.create(email=email) for email in DEMO_RESIDENTS}
    demo_registers_load(users)
    zones_load(path=DEMO_ZONES)

    # a family-pass application filled in up to the last page (the submission)
    family = User.objects.create(email="maria@example.org", first_name="Maria")
    client = Client()
    client.force_login(family)
    url = client.post(reverse("applications:start", args=["familienpass"]))["Location"]
    url = client.post(url, {"main_residence": "yes"})["Location"]
    born = timezone.localdate() - timedelta(days=5 * 365)
    url = client.post(url, {"children_count": "2", "youngest_birth_date": born.isoformat()})[
        "Location"
    ]
    url = client.post(url, {"more_adults": ""})["Location"]
    check_url = client.post(url, {"variant": "basic"})["Location"]

    # a payment the provider will report as paid (the callback)
    payment = payment_create(
        payable=family,
        payer=family,
        purpose="BP-FAULT-1",
        items=[FeeItem(code="X", label="Gebühr", amount_cents=1500)],
        unit=unit,
    )

    # two permits ending this year, renewing by direct debit (the yearly run)
    sophie = User.objects.create(email="sophie.wagner@example.org")
    person_link(user=sophie, person_key="DEMO-SOPHIE", trust_level="substantial")
    year = timezone.localdate().year
    for user, key, plate in (
        (users["anna.schmidt@example.org"], "DEMO-ANNA", "MA-AS 2026"),
        (sophie, "DEMO-SOPHIE", "MA-SW 310"),
    ):
        application = Application.objects.create(
            reference=f"BP-{year}-{user.pk:06d}-00",
            submission_token=uuid.uuid4(),
            service_slug="bewohnerparkausweis",
            applicant=user,
            unit=unit,
            submitted_at=timezone.now(),
            due_at=timezone.now(),
            status="approved",
        )
        permit = permit_create(
            application=application,
            person_key=key,
            plate=plate,
            zone=Zone.objects.get(code="3"),
            valid_from=date(year, 1, 1),
            valid_until=date(year, 12, 31),
        )
        permit.auto_renew = True
        permit.save(update_fields=["auto_renew"])
        mandate_create(payer=user, holder_name=plate, iban=IBAN, consent=True)
    return {
        "session": client.cookies["sessionid"].value,
        "check_url": check_url,
        "payment_reference": payment.reference,
        "payment_amount": str(payment.amount_cents),
        "renewal_year": str(year + 1),
    }


def _serve(port: int) -> None:
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from django.core.wsgi import get_wsgi_application

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = make_server("127.0.0.1", port, get_wsgi_application(), handler_class=Quiet)
    print("serving", flush=True)
    server.serve_forever()


def main() -> None:
    import django

    with time_machine.travel(suite_now(), tick=True):
        django.setup()
        command = sys.argv[1]
        if command == "setup":
            print(json.dumps(_setup()))
        elif command == "serve":
            _serve(int(sys.argv[2]))
        elif command == "renew":
            from django.core.management import call_command

            import buergerportal.entitlements.renewal as renewal

            renewal.BATCH = 1  # a commit per permit, so that a kill falls between two
            call_command("parking_permits_renew", "--year", sys.argv[2])


if __name__ == "__main__":
    main()
