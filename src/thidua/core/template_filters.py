"""Template filters and tags every template has (TEMPLATES builtins): numbers the
Vietnamese way, a form field with its label, help and errors."""

from django import template

from thidua.core.numbers import format_number
from thidua.core.widgets import field_html

register = template.Library()


@register.filter(name="number")
def number(value, places=None):
    """{{ registration.cost_vnd|number }} → "120.000.000"; {{ score|number:2 }} → "18,50".
    Empty for None, so a missing figure is never shown as 0."""
    if value is None or value == "":
        return ""
    return format_number(value, None if places in (None, "") else int(places))


@register.simple_tag(name="field")
def field(bound_field):
    """{% field form.name %}: the field, its label, help and errors (``core/widgets.py``)."""
    return field_html(bound_field)
