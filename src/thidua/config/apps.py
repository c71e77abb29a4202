from django.apps import AppConfig

# Importing the module registers its checks: with this app installed they run whatever command
# starts Django (`thidua check --deploy`, `django-admin check`, the server's start-up checks).
from thidua.config import checks  # noqa: F401


class ConfigConfig(AppConfig):
    name = "thidua.config"
    label = "thidua_config"
    verbose_name = "Configuration"
