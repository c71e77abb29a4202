"""Template filters every template has (TEMPLATES builtins): numbers the Vietnamese way."""

from django import template

from thidua.core.numbers import format_number

register = template.Library()


@register.filter(name="number")
def number(value, places=None):
    """{{ registration.cost_vnd|number }} → "120.000.000"; {{ score|number:2 }} → "18,50".
    Empty for None, so a missing figure is never shown as 0."""
    if value is None or value == "":
        return ""
    return format_number(value, None if places in (None, "") else int(places))
