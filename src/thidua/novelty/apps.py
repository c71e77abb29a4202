from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoveltyConfig(AppConfig):
    name = "thidua.novelty"
    label = "novelty"
    verbose_name = _("Novelty check")

    def ready(self):
        # The archive is a kind of the search index (search sits below: it is told here),
        # and a registration is checked when it is sent (domain/receivers.py).
        from thidua.novelty.domain import receivers  # noqa: F401, PLC0415 (receivers, once models load)
        from thidua.novelty.domain.archive import SPEC  # noqa: PLC0415 (models loaded first)
        from thidua.search.domain import kinds  # noqa: PLC0415 (receivers, once models load)
        from thidua.search.domain.receivers import follow  # noqa: PLC0415 (receivers, once models load)

        kinds.register(SPEC)
        follow(SPEC.model)
