"""Payments: providers, signed callbacks, receipts, refunds, reconciliation and SEPA direct debit.

The app does not know the applications app: a payment belongs to a *payable* (any model, via a
generic relation) and tells its owner about the outcome through ``listeners``. See docs/payments.md.
"""
