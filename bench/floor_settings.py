"""The product's settings with one more address, ``/bench/floor/``: a bare view behind the
same middleware (sessions, the user, CSRF, language, security headers), the floor that
``bench/run`` divides every page's cost by. Used only by the benchmark's instance."""

from thidua.config.settings import *  # noqa: F403 (the product's settings, unchanged)

ROOT_URLCONF = "floor_urls"
