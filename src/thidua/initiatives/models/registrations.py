"""Registrations (phiếu đăng ký) of models, initiatives and new ideas, and their history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core import text
from thidua.core.models import StoredFile
from thidua.initiatives.enums import FileKind, Kind, RegistrationState

# States in which the registering unit may still change what it wrote.
EDITABLE_STATES = (RegistrationState.DRAFT, RegistrationState.RETURNED)
# States that count as "sent to the district" for compliance.
SENT_STATES = (
    RegistrationState.SUBMITTED,
    RegistrationState.RECEIVED,
    RegistrationState.RETURNED,
    RegistrationState.ACCEPTED,
)


class RegistrationManager(models.Manager):
    """Registrations that exist for the people: a deleted draft is in no list, count,
    compliance table, export or roll-up, and its address answers 404. Reverse relations
    (``plan.registrations``) use this manager too; ``Registration.all_objects`` sees all."""

    def get_queryset(self):
        return super().get_queryset().exclude(state=RegistrationState.DELETED)


class EveryRegistration(models.Manager):
    """Deleted drafts too: for the domain that deletes them and for their history."""


class Registration(models.Model):
    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.PROTECT, related_name="registrations"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("registering unit"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=300)
    # The name's folded words for the list's text box: "mo hinh" finds "Mô hình".
    search_name = models.CharField(max_length=300, editable=False, blank=True, default="")
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=RegistrationState.choices,
        default=RegistrationState.DRAFT,
        db_index=True,
    )
    # Optimistic locking: every save increments it; a save from an older version is refused.
    version = models.PositiveIntegerField(default=1)

    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead person (account)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    lead_name = models.CharField(_("lead person"), max_length=150, blank=True)
    # The lead's name folded (text.fold): a council finds its members' own work by it.
    lead_search_name = models.CharField(
        max_length=150, editable=False, blank=True, default="", db_index=True
    )
    lead_position = models.CharField(
        _("lead person's position and unit"), max_length=200, blank=True
    )
    # Whether the public showcase may name the lead person; without it the public page
    # gives the unit alone.
    lead_consent = models.BooleanField(
        _("the lead person agrees to be named on the public showcase"), default=False
    )
    summary = models.TextField(_("short description"), blank=True)
    applied_when = models.CharField(_("time of application"), max_length=200, blank=True)
    applied_where = models.CharField(_("place of application"), max_length=300, blank=True)
    applied_work = models.TextField(_("work it is applied to"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    households = models.PositiveIntegerField(_("households taking part"), null=True, blank=True)
    area_ha = models.DecimalField(
        _("area (ha)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    income_change = models.CharField(
        _("expected change in output or income"), max_length=200, blank=True
    )
    cost_vnd = models.PositiveBigIntegerField(_("cost (VND)"), null=True, blank=True)
    campaigns = models.ManyToManyField(
        "plans.Campaign", verbose_name=_("linked campaigns"), blank=True, related_name="+"
    )

    entered_by_office = models.BooleanField(
        _("entered from a paper form by the unit above"), default=False
    )
    proposal = models.OneToOneField(
        "initiatives.Idea",
        verbose_name=_("from the idea box"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registration",
    )
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("last submitted"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    return_reason = models.TextField(_("reason for return"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegistrationManager()
    all_objects = EveryRegistration()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["unit__sort_key", "id"]
        indexes = [models.Index(fields=["plan", "unit", "state"])]

    def __str__(self) -> str:
        return self.name or str(_("(untitled registration)"))

    def save(self, *args, **kwargs):
        derived = self.derived_columns({"name": self.name, "lead_name": self.lead_name})
        for column, value in derived.items():
            setattr(self, column, value)
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = {*fields, *self.derived_columns(dict.fromkeys(fields, ""))}
        super().save(*args, **kwargs)

    @staticmethod
    def derived_columns(fields: dict) -> dict:
        """The folded columns of the names among ``fields`` (also written by
        `core/versions.update_if_current`, whose UPDATE calls no save())."""
        derived = {}
        if "name" in fields:
            derived["search_name"] = text.search_key(fields["name"])
        if "lead_name" in fields:
            derived["lead_search_name"] = text.fold(fields["lead_name"])
        return derived

    def lead_display(self) -> str:
        name = self.lead.get_full_name() if self.lead_id else self.lead_name
        return f"{name} ({self.lead_position})" if self.lead_position else name


class Implementer(models.Model):
    """A person who carries out the work (người thực hiện), with their role in it."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="implementers"
    )
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=150)
    # The name folded (text.fold): a council finds its members' own work by it. Set by
    # save() and by `of` for bulk_create, which calls no save().
    search_name = models.CharField(
        max_length=150, editable=False, blank=True, default="", db_index=True
    )
    position_unit = models.CharField(_("position and unit"), max_length=200, blank=True)
    role = models.CharField(_("role in the work"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = text.fold(self.name)
        fields = kwargs.get("update_fields")
        if fields is not None and "name" in fields:
            kwargs["update_fields"] = {*fields, "search_name"}
        super().save(*args, **kwargs)

    @classmethod
    def of(cls, **fields) -> "Implementer":
        """An unsaved implementer with its folded name, for bulk_create."""
        return cls(**fields, search_name=text.fold(fields.get("name", "")))


class Argument(models.Model):
    """The unit's own argument on one of the plan's criteria (tính mới …)."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="arguments"
    )
    criterion = models.ForeignKey("plans.Criterion", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("argument"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "criterion"], name="initiatives_argument_unique"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Transition(models.Model):
    """One step of a registration's workflow: who moved it from what to what, when, why."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(max_length=10, choices=RegistrationState.choices)
    to_state = models.CharField(max_length=10, choices=RegistrationState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField()
    reason = models.TextField(blank=True)
    is_late = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


def file_path(instance, filename: str) -> str:
    return f"registrations/{instance.registration_id}/{filename}"


class RegistrationFile(StoredFile):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=12, choices=FileKind.choices)
    file = models.FileField(upload_to=file_path)
    thumbnail = models.FileField(upload_to=file_path, blank=True)
    content_type = models.CharField(max_length=100)
