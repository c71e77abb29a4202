from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "thidua.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self):
        # The login signal's receiver (audit, forgiving failed attempts) lives with the backend.
        from thidua.org import auth  # noqa: F401, PLC0415 (receivers connect once models load)
