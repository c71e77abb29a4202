from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "thidua.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")

    def ready(self):
        # Each app says what of it may run as a job in its own jobs.py (kinds.py: job_kind).
        autodiscover_modules("jobs")
