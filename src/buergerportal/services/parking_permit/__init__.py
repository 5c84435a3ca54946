"""Resident parking permit (Bewohnerparkausweis)."""
