"""Shared helpers below every app: text, numbers, uploads, downloads, forms, autosave."""
