"""SEPA direct debit: mandates (``mandates.py``) and pain.008 files (``collection.py``)."""
