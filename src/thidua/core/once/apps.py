from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnceConfig(AppConfig):
    """The one-time tokens of creating forms: the one table of core (core/once/)."""

    name = "thidua.core.once"
    label = "once"
    verbose_name = _("One-time form tokens")
