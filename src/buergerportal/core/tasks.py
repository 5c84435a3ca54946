"""Background tasks of the core: the audit checkpoint."""

from __future__ import annotations

import logging

from django_tasks import task

from .audit_checkpoints import audit_checkpoint_sign
from .audit_keys import AuditKeyMissing

logger = logging.getLogger(__name__)


@task()
def audit_checkpoint_task() -> int | None:
    """Sign the audit chain's head; the entry id signed, or None if nothing new."""
    try:
        checkpoint = audit_checkpoint_sign()
    except AuditKeyMissing:
        logger.error("audit checkpoint not signed: no key (run `manage audit_key_rotate`)")
        return None
    return checkpoint.entry_id if checkpoint else None
