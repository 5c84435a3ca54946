"""Checks of a case: running them and routing the case live in the lifecycle kernel
(``buergerportal.procedures.routing``), reading them in ``applications.check_results``; the
names stay importable from here."""

from buergerportal.applications.check_results import check_rows
from buergerportal.procedures.routing import case_route, case_run_checks

__all__ = ["case_route", "case_run_checks", "check_rows"]
