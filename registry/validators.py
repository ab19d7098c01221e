"""Validation of identifiers from the Unified State Register of Ukraine."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS_LOW = (1, 2, 3, 4, 5, 6, 7)
_WEIGHTS_MID = (7, 1, 2, 3, 4, 5, 6)


def edrpou_check_digit(first_seven: str) -> int:
    """The check digit of an EDRPOU code, by the Derzhkomstat algorithm.

    Codes below 30,000,000 or above 60,000,000 are weighted 1..7, the others 7,1..6; if the
    remainder modulo 11 is 10 the weights are raised by 2 and the sum taken again, and a
    second 10 gives 0.
    """
    digits = [int(d) for d in first_seven]
    value = int(first_seven + "0")
    weights = _WEIGHTS_LOW if value < 30_000_000 or value > 60_000_000 else _WEIGHTS_MID
    remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    if remainder == 10:
        remainder = sum(d * (w + 2) for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if remainder == 10 else remainder


def validate_edrpou(value: str) -> None:
    """Raise a Ukrainian ValidationError unless ``value`` is eight digits with a valid check digit."""
    code = (value or "").strip()
    if len(code) != 8 or not (code.isascii() and code.isdigit()):
        raise ValidationError(
            _("EDRPOU code must consist of exactly 8 digits, got «%(value)s»."),
            code="edrpou_format",
            params={"value": value},
        )
    if edrpou_check_digit(code[:7]) != int(code[7]):
        raise ValidationError(
            _("EDRPOU code «%(value)s» has a wrong check digit: it is not a valid code."),
            code="edrpou_checksum",
            params={"value": value},
        )
