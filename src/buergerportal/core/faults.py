"""Pause points for the fault tests (``tests/faults/``): a process stops at a precise point so
that the test can kill it there with SIGKILL.

With ``BP_FAULT_POINT=<name>`` in the environment (``settings.FAULT_POINT``), the
``BP_FAULT_HIT``-th call (default the first) of ``fault_point(name)`` in this process writes the
file ``BP_FAULT_MARKER`` and then waits forever, inside whatever transaction is open. Without
the variable it does nothing (one comparison). Never set it in production.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from django.conf import settings

_hits: Counter[str] = Counter()


def fault_point(name: str) -> None:
    if name != settings.FAULT_POINT:
        return
    _hits[name] += 1
    if _hits[name] < settings.FAULT_HIT:
        return
    Path(settings.FAULT_MARKER).write_text(name, encoding="utf-8")
    while True:  # until the test kills the process
        time.sleep(60)
