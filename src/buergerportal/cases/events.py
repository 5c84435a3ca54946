"""The case history's recorder now lives in the lifecycle kernel; kept importable from here."""

from buergerportal.procedures.lifecycle import case_event_record

__all__ = ["case_event_record"]
