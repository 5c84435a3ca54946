from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SwimCoursesConfig(AppConfig):
    name = "buergerportal.services.swim_courses"
    label = "swim_courses"
    verbose_name = _("Swimming courses")

    def ready(self) -> None:
        from buergerportal.core.schedule import job_register
        from buergerportal.payments.listeners import (
            payment_holding_register,
            register_payment_listener,
        )

        from .payment import booking_holding, booking_payment_paid
        from .tasks import swim_holds_expire_task

        register_payment_listener("swim_courses.booking", on_paid=booking_payment_paid)
        payment_holding_register("swim_courses.booking", booking_holding)
        # Holds also expire lazily whenever a course is booked; the job returns the seats of
        # courses nobody touches.
        job_register(
            name="swim_courses.holds_expire",
            task=swim_holds_expire_task,
            every=timedelta(minutes=1),
        )
