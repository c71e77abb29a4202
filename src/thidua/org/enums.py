"""The org app's choices: a leaf module (Django only), so any layer may import it
without a cycle (docs/architecture.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UnitKind(models.TextChoices):
    CENTRAL = "central", pgettext_lazy("unit kind", "central")
    PROVINCE = "province", pgettext_lazy("unit kind", "province")
    CITY = "city", pgettext_lazy("unit kind", "city")
    DISTRICT = "district", pgettext_lazy("unit kind", "district")
    URBAN_DISTRICT = "urban_district", pgettext_lazy("unit kind", "urban district")
    TOWN = "town", pgettext_lazy("unit kind", "town")
    COMMUNE = "commune", pgettext_lazy("unit kind", "commune")
    WARD = "ward", pgettext_lazy("unit kind", "ward")
    TOWNSHIP = "township", pgettext_lazy("unit kind", "township")
    SPECIAL_ZONE = "special_zone", pgettext_lazy("unit kind", "special zone")
    BRANCH = "branch", pgettext_lazy("unit kind", "branch")
    GROUP = "group", pgettext_lazy("unit kind", "group")


class UnitLevel(models.IntegerChoices):
    CENTRAL = 0, _("Central")
    PROVINCE = 1, _("Province")
    DISTRICT = 2, _("District")
    COMMUNE = 3, _("Commune")
    BRANCH = 4, _("Branch")
    GROUP = 5, _("Group")


class SuccessionKind(models.TextChoices):
    MERGE = "merge", _("merged into")
    SPLIT = "split", _("split into")
    RENAME = "rename", _("renamed to")
    REORGANISE = "reorganise", _("reorganised as")


class Role(models.TextChoices):
    ADMIN = "admin", _("unit administrator")
    OFFICER = "officer", _("officer")
    COUNCIL = "council", _("council member")
    VIEWER = "viewer", _("viewer")


class AttemptKind(models.TextChoices):
    """What the sign-in throttle counts (org/domain/logins.py)."""

    LOGIN = "login", _("failed login")
    RESET = "reset", _("password reset request")
