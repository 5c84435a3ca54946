"""Civil-status certificates (Personenstandsurkunden)."""
