"""Deadlines followed up: who has not acted, reminders (automatic and by hand), the scheduler."""
