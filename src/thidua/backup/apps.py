from django.apps import AppConfig


class BackupConfig(AppConfig):
    """``thidua backup`` and ``thidua restore``: the database and the uploads in one archive.

    It reads every installed model through Django's registry and imports none of the apps."""

    name = "thidua.backup"
    label = "backup"
