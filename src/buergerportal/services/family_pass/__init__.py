"""Family pass (Familienpass)."""
