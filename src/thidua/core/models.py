"""Abstract models the apps' models build on (core is no app: it has no tables of its own)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.downloads import file_name


class StoredFile(models.Model):
    """A file a person uploaded, as `uploads.attach` stores it. The concrete model says what
    it belongs to and declares its ``file`` (and ``thumbnail``) with its own folder."""

    title = models.CharField(_("title"), max_length=200, blank=True)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    untitled = _("File")  # what the download is called when the file has no title

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title or self.file.name

    @property
    def download_name(self) -> str:
        """What the browser saves it as: its title and its real extension."""
        return file_name(self.title or self.untitled, extension=self.file.name.rsplit(".", 1)[-1])
