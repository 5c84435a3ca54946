"""Copy a few screenshots of the browser journeys into docs/screens/ for docs/screens.md.

Run ``make screens`` (the e2e journeys first write test-artifacts/screens/); or name some of
the selection to copy only those, e.g. after running one journey. With Pillow installed
the copies are reduced to a 128-colour palette, which keeps them small for the repository.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SOURCE = PROJECT_DIR / "test-artifacts" / "screens"
TARGET = PROJECT_DIR / "docs" / "screens"
SELECTION = [
    "start-de",
    "start-en",
    "start-de-mobile",
    "service-page-de",
    "login-de",
    "login-error-en",
    "step-error-de",
    "check-answers-de",
    "submitted-de",
    "check-answers-en-mobile",
    "status-lookup-not-found-en",
    "case-queue-de",
    "case-information-requested-de",
    "application-information-requested-en-mobile",
    "mailbox-de",
    "parking-mailbox-message-de",
    "test-provider-de",
    "payment-cancelled-en-mobile",
    "verify-valid-en-mobile",
    "verify-revoked-en-mobile",
    # issue 16: what residents met, fixed
    "start-search-first-de-mobile",
    "service-page-in-order-de",
    "service-page-information-only-de",
    "payment-paid-de",
    "error-step-radio-de-mobile",
    "error-check-answers-de",
    "mailbox-320-de-mobile",
    # issue 16: the back office on one screen
    "staff-queue-laptop-de",
    "staff-case-one-screen-de",
    "staff-case-failed-check-en-mobile",
    "staff-case-evidence-de",
]


def main(names: list[str]) -> int:
    """Copy the selection, or only ``names`` of it (after running just their journeys)."""
    unknown = sorted(set(names) - set(SELECTION))
    if unknown:
        print(f"Not in the selection: {unknown}", file=sys.stderr)
        return 1
    selection = names or SELECTION
    missing = [name for name in selection if not (SOURCE / f"{name}.png").exists()]
    if missing:
        print(f"Missing screenshots {missing}: run `make test-e2e` first.", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    try:
        from PIL import Image
    except ImportError:
        Image = None  # copy unchanged without Pillow
    for name in selection:
        source, target = SOURCE / f"{name}.png", TARGET / f"{name}.png"
        if Image is None:
            shutil.copyfile(source, target)
            continue
        with Image.open(source) as image:
            image.convert("RGB").quantize(colors=128).save(target, optimize=True)
        print(f"{target.relative_to(PROJECT_DIR)}: {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
