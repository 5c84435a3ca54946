"""Test data for the journeys that start from a granted resident parking permit.

The permit is made through the engine's own functions (the form and the test provider's page
have their own journey, ``test_resident_gets_a_parking_permit``): the application is submitted,
its fee booked as the provider's notification would, and the kernel decides it automatically.
"""

from __future__ import annotations

ANNA_PLATE = "MA-AS 2026"


def parking_permit_grant(user, *, plate: str = ANNA_PLATE):
    """``user``'s paid application, decided automatically, and the permit it issued."""
    from buergerportal.applications.models import Draft
    from buergerportal.applications.submission import application_submit
    from buergerportal.services.parking_permit.models import Permit
    from tests.engine_fixtures import pay_example

    draft = Draft.objects.create(
        service_slug="bewohnerparkausweis",
        owner=user,
        data={"fahrzeug": {"plate": [plate], "own_vehicle": ["yes"]}},
    )
    application = application_submit(draft_id=draft.pk, language="de")
    pay_example(application)
    application.refresh_from_db()
    assert application.status == "approved", application.check_results
    return application, Permit.objects.get(application=application)
