"""Numbers as Vietnamese offices write them: the one policy for reading and writing them.

Vietnamese writes thousands with dots and decimals with a comma: "1.500.000", "30,5".
People also type spaces for thousands ("1 500 000") and, on phones with an English
keyboard, a decimal point ("30.5"). What can be read only one way is accepted; what can be
read two ways ("1.500": one thousand five hundred, or one and a half?) is refused with a
message that shows both ways to write it, never guessed.

Pages, documents, charts and spreadsheets format through ``format_number``; spreadsheets
store real numbers with ``XLSX_INTEGER`` / ``XLSX_DECIMAL`` formats, which the reader's
spreadsheet shows with its own separators.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

XLSX_INTEGER = "#,##0"
XLSX_DECIMAL = "#,##0.00"

_BLANKS = re.compile(r"[\s\u00a0\u202f]+")  # spaces, no-break spaces (Word pastes them)
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 1.500.000
_DIGITS = re.compile(r"^\d+$")


def parse_integer(typed: str) -> int:
    """A whole number: "1500000", "1.500.000", "1 500 000". A decimal part is refused."""
    cleaned = _cleaned(typed)
    if _DIGITS.match(cleaned):
        return int(cleaned)
    if _GROUPED.match(cleaned):
        return int(cleaned.replace(".", ""))
    if re.match(r"^\d+([.,]\d+)+$", cleaned):
        raise ValidationError(
            _("“%(typed)s” is not a whole number: write it without a decimal part.")
            % {"typed": typed.strip()},
            code="not_whole",
        )
    raise _not_a_number(typed)


def parse_decimal(typed: str) -> Decimal:
    """A number with a decimal comma ("30,5", "1.234,5"), or a decimal point where it cannot
    be a thousands separator ("30.5", "0.25"); "1.500" is refused as ambiguous."""
    cleaned = _cleaned(typed)
    if _DIGITS.match(cleaned) or (_GROUPED.match(cleaned) and cleaned.count(".") > 1):
        return Decimal(cleaned.replace(".", ""))
    whole, comma, fraction = cleaned.partition(",")
    if comma:
        if not _DIGITS.match(fraction) or not (_DIGITS.match(whole) or _GROUPED.match(whole)):
            raise _not_a_number(typed)
        return Decimal(f"{whole.replace('.', '')}.{fraction}")
    if re.match(r"^\d+\.\d{3}$", cleaned):
        raise ValidationError(
            _(
                "“%(typed)s” can be read two ways: write %(thousands)s for the whole number "
                "or %(decimal)s for the decimal."
            )
            % {
                "typed": typed.strip(),
                "thousands": cleaned.replace(".", ""),
                "decimal": cleaned.replace(".", ","),
            },
            code="ambiguous",
        )
    if re.match(r"^\d+\.\d+$", cleaned):
        return Decimal(cleaned)
    raise _not_a_number(typed)


def format_number(value, places: int | None = None) -> str:
    """ "1.500.000", "30,5"; ``places`` fixes the decimals (scores: 2), otherwise trailing
    zeros are dropped. ``None`` gives an empty string."""
    if value is None or value == "":
        return ""
    if type(value) is int and places is None:  # most figures: no Decimal needed
        return f"{value:,}".replace(",", ".")
    number = Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _point, fraction = text.partition(".")
    if places is None:
        fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def _cleaned(typed) -> str:
    return _BLANKS.sub("", str(typed)).strip()


def _not_a_number(typed) -> ValidationError:
    return ValidationError(
        _("“%(typed)s” is not a number. Write for example 1.500.000 or 30,5.")
        % {"typed": str(typed).strip()},
        code="invalid",
    )
