"""Exhibitions, seminars, fairs and conferences where models are shown."""
