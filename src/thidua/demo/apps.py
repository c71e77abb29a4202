from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo's data and its ``load_demo`` command; nothing else depends on it."""

    name = "thidua.demo"
    label = "demo"
