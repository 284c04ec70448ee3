"""Claim extraction for the contradiction family (EL3xx): domain knowledge, claims, consistency.

Not scanned for check types (only ``editlint/checks/*.py`` is); ``contradiction.py`` imports from here.
"""
