"""Helpers for tests only: nothing here is imported by the site."""
