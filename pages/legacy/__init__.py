"""The legacy import pipeline: readers (formats) -> LegacyRecord (plain data) -> writers (Wagtail).

A new legacy format is a new module in ``readers`` and nothing else.
"""
