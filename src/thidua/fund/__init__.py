"""Donors, contributions and disbursements: a ledger that never edits history."""
