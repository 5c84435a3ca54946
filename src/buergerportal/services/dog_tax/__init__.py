"""Dog tax registration and deregistration (Hundesteuer)."""
