"""Business-register lookup (Gewerbeauskunft)."""
