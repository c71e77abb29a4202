from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "thidua.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # The index follows every write: post_save/post_delete of the indexed models and
        # rows_changed for the UPDATEs and bulk loads that bypass save() (domain/receivers.py).
        from thidua.search.domain import receivers  # noqa: F401, PLC0415 (receivers, once models load)
