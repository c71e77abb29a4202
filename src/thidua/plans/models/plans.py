"""Plans (kế hoạch): structured official documents that cascade down the hierarchy."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.downloads import file_name
from thidua.plans.enums import DeadlineKind, EmulationForm, LatePolicy, PlanState, SectionKind


class Movement(models.Model):
    """The emulation movement (phong trào thi đua) a plan belongs to."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="movements")
    name = models.CharField(_("movement"), max_length=400)

    class Meta:
        verbose_name = _("movement")
        verbose_name_plural = _("movements")

    def __str__(self) -> str:
        return self.name


class Plan(models.Model):
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="plans"
    )
    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.PROTECT, related_name="plans"
    )
    state = models.CharField(
        _("status"), max_length=10, choices=PlanState.choices, default=PlanState.DRAFT
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    # The same movement's plan of the year (or term) before, as the unit's officer linked
    # them: the plans of successive years form a series whose figures are compared year
    # over year (plans/domain/series.py). Not part of the document.
    previous_in_series = models.ForeignKey(
        "self",
        verbose_name=_("continues the plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_in_series",
    )
    # The document's header and number ("Số 115-KH/HNDH")
    superior_line = models.CharField(_("superior body line"), max_length=200, blank=True)
    issuer_line = models.CharField(_("issuing body line"), max_length=200)
    doc_type = models.CharField(_("document type"), max_length=10, default="KH")
    issuer_code = models.CharField(_("issuer code"), max_length=20)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    number_period = models.CharField(max_length=30, blank=True)
    place = models.CharField(_("place"), max_length=100)
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    # What it says
    title = models.CharField(_("title"), max_length=400)
    subject = models.TextField(
        _("subject"), help_text=_("The bold lines under “KẾ HOẠCH”; one line per line.")
    )
    emulation_form = models.CharField(
        _("form of emulation"), max_length=10, choices=EmulationForm.choices
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    preamble = models.TextField(_("preamble"), blank=True)
    closing = models.TextField(_("closing paragraph"), blank=True)
    recipients = models.TextField(_("recipients (nơi nhận)"), help_text=_("One per line."))
    # Who must register what
    quota_kinds = models.JSONField(_("units that must register"), default=list, blank=True)
    quota_minimum = models.PositiveSmallIntegerField(_("minimum registrations per unit"), default=1)
    registration_rule = models.TextField(_("registration rule"), blank=True)
    late_registrations = models.CharField(
        _("registrations after the deadline"),
        max_length=10,
        choices=LatePolicy.choices,
        default=LatePolicy.MARK_LATE,
    )
    # Signature block
    signing_authority = models.CharField(_("on behalf of"), max_length=100, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=100, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    is_signed = models.BooleanField(_("signed"), default=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-issued_on", "-id"]
        constraints = [
            # The database itself refuses a second document with the same number.
            models.UniqueConstraint(
                fields=["unit", "number_period", "number"],
                condition=Q(number__isnull=False),
                name="plans_plan_unique_number",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="plans_plan_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number_symbol} {self.title}" if self.number else self.title

    @property
    def symbol(self) -> str:
        return f"{self.doc_type}/{self.issuer_code}"

    @property
    def number_symbol(self) -> str:
        """ "115-KH/HNDH", "07-KH/HNDX" (numbers under 10 take a 0; hyphen, no colon)."""
        return f"{self.number:02d}-{self.symbol}" if self.number else f"…-{self.symbol}"

    def download_name(self, extension: str) -> str:
        """ "Kế hoạch 115-KH-HNDH.docx"; an unnumbered draft: "Kế hoạch (dự thảo).docx"."""
        return file_name(
            _("Plan"), self.number_symbol if self.number else _("(draft)"), extension=extension
        )

    @property
    def is_draft(self) -> bool:
        return self.state == PlanState.DRAFT

    @property
    def is_superseded(self) -> bool:
        replacement = getattr(self, "replaced_by", None)
        return replacement is not None and replacement.state != PlanState.DRAFT

    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    def subject_lines(self) -> list[str]:
        return [line.strip() for line in self.subject.splitlines() if line.strip()]


class PlanBasis(models.Model):
    """A "Căn cứ": a parent plan in the system, or an external document cited as text."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="bases")
    position = models.PositiveSmallIntegerField(default=0)
    parent = models.ForeignKey(
        Plan,
        verbose_name=_("parent plan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children_bases",
    )
    text = models.TextField(_("citation"))

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class PlanSection(models.Model):
    """A roman-numbered part ("I. MỤC ĐÍCH, YÊU CẦU"); numbers come from the position."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    heading = models.CharField(_("heading"), max_length=300)
    kind = models.CharField(max_length=30, choices=SectionKind.choices, default=SectionKind.OTHER)
    body = models.TextField(_("text"), blank=True, help_text=_("One paragraph per line."))

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.heading


class PlanPoint(models.Model):
    """A numbered point of a section ("1. Mục đích"); the title may be empty."""

    section = models.ForeignKey(PlanSection, on_delete=models.CASCADE, related_name="points")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(_("title"), max_length=400, blank=True)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.title or self.body[:60]


class Criterion(models.Model):
    """A criterion registrations are argued and scored on (tính mới, tính phù hợp …)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=40)
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("explanation"), blank=True)
    max_points = models.PositiveSmallIntegerField(_("maximum points"), default=20)
    weight = models.DecimalField(_("weight"), max_digits=4, decimal_places=2, default=1)

    class Meta:
        ordering = ["position"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="plans_criterion_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


class Deadline(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(_("kind"), max_length=20, choices=DeadlineKind.choices)
    label = models.CharField(_("what is due"), max_length=300)
    due_at = models.DateTimeField(_("due"), help_text=_("Vietnam time (Asia/Ho_Chi_Minh)."))

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")

    def __str__(self) -> str:
        return self.label


class Campaign(models.Model):
    """A campaign or movement the plan links its initiatives to (nông thôn mới …)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="campaigns")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("campaign"), max_length=400)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


def attachment_path(instance, filename: str) -> str:
    return f"plans/{instance.plan_id}/{filename}"


class PlanAttachment(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def download_name(self) -> str:
        """What the browser saves it as: its title and its real extension."""
        return file_name(self.title or _("Attachment"), extension=self.file.name.rsplit(".", 1)[-1])
