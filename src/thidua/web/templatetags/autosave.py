"""The autosave's pause, from the settings, for the forms that save themselves."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def autosave_delay() -> int:
    return settings.AUTOSAVE_DELAY_MS
