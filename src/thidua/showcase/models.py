"""The public showcase: honoured models and initiatives the district publishes, its example
of the month, and stories ("Gương người Việt đoàn kết, sáng tạo")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.models import StoredFile
from thidua.review.enums import Outcome
from thidua.showcase.enums import PublicationState, Sector, StoryState


class Publication(models.Model):
    """A registration the council honoured, published by the unit whose plan it answered.
    The honour is copied from the council's final decision when it is published."""

    registration = models.OneToOneField(
        "initiatives.Registration", on_delete=models.PROTECT, related_name="publication"
    )
    sector = models.CharField(_("sector"), max_length=12, choices=Sector.choices)
    outcome = models.CharField(_("honour"), max_length=12, choices=Outcome.choices)
    decided_on = models.DateField(_("decided on"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=PublicationState.choices,
        default=PublicationState.PUBLISHED,
        db_index=True,
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField()

    class Meta:
        verbose_name = _("published model")
        verbose_name_plural = _("published models")
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return str(self.registration)


class Highlight(models.Model):
    """The example of the month a unit chooses among its published models."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("month"))  # its first day
    publication = models.ForeignKey(
        Publication, verbose_name=_("model"), on_delete=models.CASCADE, related_name="highlights"
    )
    note = models.TextField(_("why it was chosen"), blank=True)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("example of the month")
        verbose_name_plural = _("examples of the month")
        ordering = ["-month", "unit__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="showcase_one_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.month:%m/%Y}: {self.publication}"


class Story(models.Model):
    """A short article about good examples, written by a district or province officer and
    published by a second officer on its publish date."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=300)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("text"))
    publish_on = models.DateField(_("publish on"))
    models_linked = models.ManyToManyField(
        Publication, verbose_name=_("models it tells about"), blank=True, related_name="stories"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=StoryState.choices, default=StoryState.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    return_reason = models.TextField(_("reason for return"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-publish_on", "-id"]

    def __str__(self) -> str:
        return self.title


def story_photo_path(instance, filename: str) -> str:
    return f"stories/{instance.story_id}/{filename}"


class StoryPhoto(StoredFile):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=story_photo_path)
    thumbnail = models.FileField(upload_to=story_photo_path)

    untitled = _("Photo")
