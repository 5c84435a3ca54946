"""Settings of the fault tests' subprocesses: the production settings (through the test
settings) on a SQLite file, with the audit trail's append-only triggers as in production."""

import os

os.environ["DATABASE_URL"] = f"sqlite:///{os.environ['BP_FAULT_DB']}"

from tests.settings import *  # noqa: F403

AUDIT_DB_TRIGGERS = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PAYMENT_PROVIDER = "buergerportal.payments.providers.test.TestProvider"
PAYMENT_PROVIDER_OPTIONS = {"secret": "fault-secret", "merchant_id": "t", "api_url": ""}
SEPA_CREDITOR_ID = "DE98ZZZ09999999999"
SEPA_CREDITOR_NAME = "Stadt Mannheim"
SEPA_CREDITOR_IBAN = "DE89370400440532013000"
SEPA_CREDITOR_BIC = "COBADEFFXXX"
SEPA_PRENOTIFICATION_DAYS = 14
SEPA_LEAD_BUSINESS_DAYS = 1
