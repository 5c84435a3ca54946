"""The resident answers an information request: the text and, where they have one, a document
(proof the question asks for), kept with the application for the back office."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from buergerportal.procedures.information import information_answer
from buergerportal.procedures.models import InformationRequest

from .uploads import upload_attach

ANSWER_EVIDENCE_PREFIX = "answer:"


def answer_evidence_slug(request: InformationRequest) -> str:
    """The evidence slug of the document given with the answer to ``request``."""
    return f"{ANSWER_EVIDENCE_PREFIX}{request.pk}"


@transaction.atomic
def information_answer_give(
    *,
    request: InformationRequest,
    actor: Any,
    answer: str,
    attachment: UploadedFile | None = None,
) -> None:
    """Answer and keep the document in one transaction: an answer refused (already given)
    keeps no document, and no document is kept without its answer."""
    information_answer(request=request, actor=actor, answer=answer)
    if attachment is not None:
        upload_attach(
            application=request.application,
            evidence_slug=answer_evidence_slug(request),
            file=attachment,
        )
