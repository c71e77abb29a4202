"""Events (sự kiện): exhibitions, seminars, conferences and fairs a unit organises to make
good examples known, with the models shown there and the people who came."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.core.models import StoredFile
from thidua.events.enums import EventKind, EventState


class Event(models.Model):
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("organising unit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300)
    organiser = models.CharField(
        _("organiser"),
        max_length=300,
        blank=True,
        help_text=_("As the invitation says it, with any partners. Empty: the unit."),
    )
    description = models.TextField(_("description"), blank=True)
    participants = models.PositiveIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        help_text=_("Once the event has taken place."),
    )
    models_shown = models.ManyToManyField(
        "initiatives.Registration", verbose_name=_("models shown"), blank=True, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=EventState.choices, default=EventState.DRAFT
    )
    # Optimistic locking as for registrations: a save over an older version is refused.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["state", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="events_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organiser_display(self) -> str:
        return self.organiser or self.unit.full_name


def photo_path(instance, filename: str) -> str:
    return f"events/{instance.event_id}/{filename}"


class EventPhoto(StoredFile):
    """A photo of the event (re-encoded: no location data survives)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=photo_path)
    thumbnail = models.FileField(upload_to=photo_path)

    untitled = _("Photo")
