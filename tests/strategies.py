"""Hypothesis strategies for what Vietnamese offices type: text with diacritics (as NFC or
as the decomposed marks some keyboards send) and numbers written the Vietnamese way.

Each number strategy gives ``(typed, meant)``: the text a person types and the value it
must be stored as. Texts are what a form keeps: words separated by single spaces, no
markup; compare the stored text with ``unicodedata.normalize("NFC", typed)``.
"""

import unicodedata
from decimal import Decimal

from django import forms
from hypothesis import strategies as st

from thidua.core.forms import (
    LongTextField,
    PlainTextField,
)
from thidua.core.numbers import format_number
from thidua.initiatives.models import Kind

VOWELS = "aăâeêioôơuưy"
# Each vowel with no tone mark and the five tone marks: à á ả ã ạ.
TONED = "".join(
    unicodedata.normalize("NFC", vowel + tone)
    for vowel in VOWELS
    for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
)
CONSONANTS = "bcdđghklmnpqrstvx"
LETTERS = TONED + TONED.upper() + CONSONANTS + CONSONANTS.upper() + "0123456789"
PUNCTUATION = [",", ".", ";", ":", "!", "?", "%", "“", "”", "(", ")", "-", "–", "/", "&"]


@st.composite
def words(draw, *, max_words: int = 6) -> str:
    """A few words separated by single spaces, e.g. "Nuôi bò vỗ béo, Thôn 1"."""
    count = draw(st.integers(min_value=1, max_value=max_words))
    parts = []
    for _ in range(count):
        word = draw(st.text(alphabet=LETTERS, min_size=1, max_size=8))
        if draw(st.booleans()) and draw(st.booleans()):
            word += draw(st.sampled_from(PUNCTUATION))
        parts.append(word)
    text = " ".join(parts)
    # Some phone keyboards send a letter and its marks as separate characters.
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


def line(*, required: bool = False, max_words: int = 6) -> st.SearchStrategy[str]:
    """One line of text; empty sometimes unless ``required``."""
    text = words(max_words=max_words)
    return text if required else st.one_of(st.just(""), text)


@st.composite
def paragraphs(draw, *, required: bool = False) -> str:
    """Several lines, as in a textarea (empty sometimes unless ``required``)."""
    lines = draw(st.lists(words(), min_size=1 if required else 0, max_size=3))
    return "\n".join(lines)


@st.composite
def integer(draw, *, max_value: int = 10**12) -> tuple[str, int]:
    """A whole number typed "1.500.000", "1 500 000" or "1500000"."""
    meant = draw(st.integers(min_value=0, max_value=max_value))
    style = draw(st.sampled_from(["dots", "spaces", "digits"]))
    grouped = format_number(meant)
    typed = {"dots": grouped, "spaces": grouped.replace(".", " "), "digits": str(meant)}[style]
    return typed, meant


@st.composite
def decimal(draw, *, max_value: int = 10**6, places: int = 2) -> tuple[str, Decimal]:
    """A number with up to ``places`` decimals typed with a decimal comma: "30,5",
    "1.234,75", or without thousands dots "1234,75"."""
    scale = 10**places
    if draw(st.booleans()):  # whole numbers too: "1.500" hectares read back must stay 1500
        hundredths = draw(st.integers(min_value=0, max_value=max_value)) * scale
    else:
        hundredths = draw(st.integers(min_value=0, max_value=max_value * scale))
    meant = Decimal(hundredths).scaleb(-places).normalize()
    typed = format_number(meant)
    # "1.500" alone could be one and a half: the policy refuses it, so people leave the dot out.
    if draw(st.booleans()) or (typed.count(".") == 1 and "," not in typed):
        typed = typed.replace(".", "")
    return typed, meant


def optional(numbers: st.SearchStrategy) -> st.SearchStrategy[tuple[str, object]]:
    """A number strategy, or an empty field stored as nothing."""
    return st.one_of(st.just(("", None)), numbers)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- the registration form ----------------------------------------------------------------

REGISTRATION_LINES = ["lead_position", "applied_when", "applied_where", "income_change"]
REGISTRATION_PARAGRAPHS = ["summary", "applied_work", "expected_results"]
IMPLEMENTER_FIELDS = ("name", "position_unit", "role")


def implementer_rows() -> st.SearchStrategy[list[dict]]:
    """0 to 5 implementers (người thực hiện), each with a name."""
    row = st.fixed_dictionaries(
        {"name": line(required=True, max_words=4), "position_unit": line(), "role": line()}
    )
    return st.lists(row, max_size=5)


@st.composite
def registration(draw, *, criteria: list[int], campaigns: list[int], people: list[int]):
    """(typed, rows, expected): what a person types into every field of the registration
    form, the implementer rows, and what must be stored (see ``registration_stored``)."""
    texts = {
        "name": draw(line(required=True)),
        "lead_name": draw(line(max_words=4)),
        **{name: draw(line()) for name in REGISTRATION_LINES},
        **{name: draw(paragraphs()) for name in REGISTRATION_PARAGRAPHS},
    }
    figures = {
        "households": draw(optional(integer(max_value=2_000_000_000))),
        "area_ha": draw(optional(decimal(max_value=10**7))),
        "cost_vnd": draw(optional(integer())),
    }
    arguments = {pk: draw(paragraphs()) for pk in criteria}
    rows = draw(implementer_rows())
    linked = draw(st.sets(st.sampled_from(campaigns))) if campaigns else set()
    lead = draw(st.one_of(st.none(), st.sampled_from(people))) if people else None
    kind = draw(st.sampled_from(Kind.values))
    typed = {
        **texts,
        **{name: typed for name, (typed, _meant) in figures.items()},
        **{f"arg_{pk}": text for pk, text in arguments.items()},
        "kind": kind,
        "campaigns": [str(pk) for pk in sorted(linked)],
    }
    if people:
        typed["lead"] = "" if lead is None else str(lead)
    expected = {
        **{name: nfc(text) for name, text in texts.items()},
        **{name: meant for name, (_typed, meant) in figures.items()},
        "kind": kind,
        "lead": lead,
        "arguments": {pk: nfc(text) for pk, text in arguments.items()},
        "implementers": [{k: nfc(v) for k, v in row.items()} for row in rows],
        "campaigns": linked,
    }
    return typed, rows, expected


def registration_stored(registration) -> dict:
    """What the database holds for the fields ``registration`` generates."""
    registration.refresh_from_db()
    names = ["kind", "name", "lead_name", *REGISTRATION_LINES, *REGISTRATION_PARAGRAPHS,
             "households", "area_ha", "cost_vnd"]  # fmt: skip
    return {
        **{name: getattr(registration, name) for name in names},
        "lead": registration.lead_id,
        "arguments": {a.criterion_id: a.text for a in registration.arguments.all()},
        "implementers": list(
            registration.implementers.order_by("position").values(*IMPLEMENTER_FIELDS)
        ),
        "campaigns": set(registration.campaigns.values_list("pk", flat=True)),
    }


# --- any form, field by field ------------------------------------------------------------


def typed_for(field) -> st.SearchStrategy[tuple[object, object]]:
    """(typed, meant) for one Django form field, within its limits: what a person types (text,
    a choice's value, a list of values, or True/False for a checkbox) and what is stored."""
    if isinstance(field, forms.BooleanField):
        return st.booleans().map(lambda on: (on, on))
    if isinstance(field, forms.MultipleChoiceField):
        values = [str(value) for value, _label in field.choices]
        return st.lists(st.sampled_from(values), unique=True).map(lambda v: (v, v))
    if isinstance(field, forms.ChoiceField):
        values = [str(value) for value, _label in field.choices if value != ""]
        return st.sampled_from(values).map(lambda v: (v, v))
    if isinstance(field, forms.IntegerField | forms.DecimalField):
        return _number(field)
    return _text(field)


def _number(field):
    """Typed the Vietnamese way in any number field: "1.000" is a thousand, whatever the
    field (a plain IntegerField would read it as 1)."""
    low = int(field.min_value or 0)
    if isinstance(field, forms.DecimalField):  # before IntegerField: Django derives it from that
        whole = (field.max_digits or 12) - (field.decimal_places or 2)
        top = int(min(field.max_value or 10**whole - 1, 10**whole - 1))
        numbers = decimal(max_value=top, places=field.decimal_places or 2)
        numbers = numbers.filter(lambda pair: low <= pair[1] <= top)
    else:
        numbers = integer(max_value=int(field.max_value or 10**12))
        numbers = numbers.filter(lambda pair: pair[1] >= low)
    return optional(numbers) if not field.required else numbers


def _text(field):
    long = isinstance(field, LongTextField) or isinstance(field.widget, forms.Textarea)
    text = paragraphs(required=field.required) if long else line(required=field.required)
    if field.max_length:
        text = text.filter(lambda typed: len(typed) <= field.max_length)
    if isinstance(field, PlainTextField):  # stored NFC, as the text policy has it
        return text.map(lambda typed: (typed, nfc(typed)))
    # A plain CharField stores what was typed, stripped; a textarea sends CRLF line ends.
    return text.map(lambda typed: (typed, typed.strip()))


@st.composite
def form_values(draw, form, *, prefix: str = "", skip=()) -> tuple[dict, dict]:
    """({field's HTML name: typed}, {field name: meant}) for every field of ``form`` a person
    types in (not hidden, not disabled)."""
    typed, meant = {}, {}
    for name, field in form.fields.items():
        if name in skip or field.widget.is_hidden or field.disabled:  # nothing to type
            continue
        typed[f"{prefix}{name}"], meant[name] = draw(typed_for(field))
    return typed, meant
