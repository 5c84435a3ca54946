from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "buergerportal.documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from buergerportal.procedures.events import (
            ApplicationApproved,
            ApplicationRejected,
            subscriber_register,
        )

        from .subscribers import notice_on_decision

        subscriber_register(ApplicationApproved, notice_on_decision)
        subscriber_register(ApplicationRejected, notice_on_decision)
