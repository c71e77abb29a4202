from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoveltyConfig(AppConfig):
    name = "thidua.novelty"
    label = "novelty"
    verbose_name = _("Novelty check")
