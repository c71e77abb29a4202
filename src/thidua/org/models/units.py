"""Units of the organisation: a tree of any depth, with a history.

Subtree queries use a materialised path: each unit's ``path`` is its ancestors'
ids and its own, so "everything under X" is one indexed ``LIKE 'X.path%'``.
We keep the path ourselves rather than use a tree library because units are
bulk-loaded by the thousand (the whole country) and never move: a unit whose
parent changes is a new unit with a succession link, which keeps old records
under the unit they were made in.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core import text
from thidua.org.enums import SuccessionKind, UnitKind, UnitLevel

PATH_STEP = 10  # digits per level; ids up to 10^10


# The administrative level of each kind (a city may be a province-level or a
# district-level one; the level field says which, this gives the usual one).
KIND_LEVEL = {
    UnitKind.CENTRAL: UnitLevel.CENTRAL,
    UnitKind.PROVINCE: UnitLevel.PROVINCE,
    UnitKind.CITY: UnitLevel.PROVINCE,
    UnitKind.DISTRICT: UnitLevel.DISTRICT,
    UnitKind.URBAN_DISTRICT: UnitLevel.DISTRICT,
    UnitKind.TOWN: UnitLevel.DISTRICT,
    UnitKind.COMMUNE: UnitLevel.COMMUNE,
    UnitKind.WARD: UnitLevel.COMMUNE,
    UnitKind.TOWNSHIP: UnitLevel.COMMUNE,
    UnitKind.SPECIAL_ZONE: UnitLevel.COMMUNE,
    UnitKind.BRANCH: UnitLevel.BRANCH,
    UnitKind.GROUP: UnitLevel.GROUP,
}

# The word that names an association of each kind ("Hội Nông dân huyện Sông Hinh").
KIND_WORD = {
    UnitKind.CENTRAL: "",
    UnitKind.PROVINCE: "tỉnh",
    UnitKind.CITY: "thành phố",
    UnitKind.DISTRICT: "huyện",
    UnitKind.URBAN_DISTRICT: "quận",
    UnitKind.TOWN: "thị xã",
    UnitKind.COMMUNE: "xã",
    UnitKind.WARD: "phường",
    UnitKind.TOWNSHIP: "thị trấn",
    UnitKind.SPECIAL_ZONE: "đặc khu",
    UnitKind.BRANCH: "Chi hội",
    UnitKind.GROUP: "Tổ hội",
}


class UnitQuerySet(models.QuerySet):
    def under(self, *paths: str) -> "UnitQuerySet":
        """Units in the subtrees at these paths (the roots included), in one query."""
        if not paths:
            return self.none()
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)
        return self.filter(condition)

    def active_on(self, day: datetime.date) -> "UnitQuerySet":
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )

    def active_during(self, start: datetime.date, end: datetime.date) -> "UnitQuerySet":
        """Units that existed at any time in [start, end]: old and new alike."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=end),
            Q(valid_to__isnull=True) | Q(valid_to__gte=start),
        )

    def in_vietnamese_order(self) -> "UnitQuerySet":
        return self.order_by("sort_key", "id")


class Unit(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    level = models.PositiveSmallIntegerField(_("level"), choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    path = models.CharField(max_length=255, unique=True, editable=False)
    code = models.CharField(
        _("administrative code"),
        max_length=20,
        blank=True,
        help_text=_("The official (GSO) code, where the unit has one."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    sort_key = models.CharField(max_length=600, editable=False, db_index=True)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        indexes = [
            models.Index(fields=["level", "code"]),
        ]
        # path is unique, so PostgreSQL also gets a varchar_pattern_ops index that
        # serves LIKE 'prefix%' whatever the database collation.
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="org_unit_valid_period",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """The association's name: "Hội Nông dân xã Ea Bá", "Chi hội Buôn Ken"."""
        organisation = settings.ORGANISATION_NAME
        if self.kind == UnitKind.CENTRAL:
            return f"Trung ương {organisation} Việt Nam"
        if self.level >= UnitLevel.BRANCH:
            return f"{KIND_WORD[self.kind]} {self.name}"
        return f"{organisation} {self.area_name}"

    @property
    def area_name(self) -> str:
        """The place: "xã Ea Bá", "huyện Sông Hinh"; "Quận 1" keeps its own word."""
        word = KIND_WORD.get(self.kind, "")
        if not word or self.name.lower().startswith(word.lower()):
            return self.name
        return f"{word} {self.name}"

    def ancestor_ids(self) -> list[int]:
        """Ids from the root down to this unit, read from the path (no query)."""
        return ids_in_path(self.path)

    def ancestors(self) -> UnitQuerySet:
        return Unit.objects.filter(id__in=self.ancestor_ids()[:-1]).order_by("level", "path")

    def descendants(self, *, include_self: bool = True) -> UnitQuerySet:
        units = Unit.objects.under(self.path)
        return units if include_self else units.exclude(pk=self.pk)

    def is_active_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    @property
    def is_current(self) -> bool:
        """Whether the unit exists today (not ended by a reorganisation)."""
        return self.is_active_on(timezone.localdate())

    def refresh_derived_fields(self) -> None:
        """Recompute the stored search and sort keys from the name (NFC)."""
        self.name = text.nfc(self.name)
        self.sort_key = text.sort_key(self.name)
        self.search_name = text.fold(self.name)
        if self.kind:
            self.level = self.level if self.level is not None else KIND_LEVEL[self.kind]


def ids_in_path(path: str) -> list[int]:
    """The ids of the units a path runs through, root first."""
    return [int(path[i : i + PATH_STEP]) for i in range(0, len(path), PATH_STEP)]


def ids_with_ancestors(units: Iterable[Unit]) -> set[int]:
    """These units' ids and those of every unit above them, read from their paths: the
    units whose plans may concern them."""
    return {pk for unit in units for pk in ids_in_path(unit.path)}


def path_for(parent: Unit | None, unit_id: int) -> str:
    return (parent.path if parent else "") + str(unit_id).zfill(PATH_STEP)


class Succession(models.Model):
    """``predecessor`` became (part of) ``successor`` on ``date``."""

    predecessor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="successions_out")
    successor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="successions_in")
    kind = models.CharField(_("kind"), max_length=20, choices=SuccessionKind.choices)
    date = models.DateField(_("date"))
    is_main = models.BooleanField(
        _("main successor"),
        default=True,
        help_text=_("For a unit split between several: the one that took most of it."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("succession")
        verbose_name_plural = _("successions")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="org_succession_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")), name="org_succession_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
