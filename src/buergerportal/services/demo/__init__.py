"""The worked example of the service-plugin contract (docs/services.md); enable it with
``BP_SERVICES=...,demo``."""
