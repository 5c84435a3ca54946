"""Pause points for the fault tests (``tests/faults/``): a process stops at a precise point so
that the test can kill it there with SIGKILL.

With ``BP_FAULT_POINT=<name>`` in the environment, the ``<BP_FAULT_HIT>``-th call (default the
first) of ``fault_point(name)`` in this process writes the file ``BP_FAULT_MARKER`` and then
waits forever, inside whatever transaction is open. Without the variable it does nothing (one
environment lookup). Never set it in production.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

_hits: Counter[str] = Counter()


def fault_point(name: str) -> None:
    if os.environ.get("BP_FAULT_POINT") != name:
        return
    _hits[name] += 1
    if _hits[name] < int(os.environ.get("BP_FAULT_HIT", "1")):
        return
    Path(os.environ["BP_FAULT_MARKER"]).write_text(name, encoding="utf-8")
    while True:  # until the test kills the process
        time.sleep(60)
