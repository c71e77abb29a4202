"""Evaluation councils (hội đồng), their members, the rubric's bands and classes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.review.enums import Aggregate, CouncilState, MemberRole


def plain(number) -> str:
    """18.00 → "18", 17.50 → "17.5"."""
    return f"{number.normalize():f}"


class Council(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="councils")
    name = models.CharField(_("name"), max_length=200)
    state = models.CharField(
        _("status"), max_length=10, choices=CouncilState.choices, default=CouncilState.SETUP
    )
    # Nghị định 13/2012: decisions need at least two thirds of the members.
    approval_numerator = models.PositiveSmallIntegerField(_("approval share: numerator"), default=2)
    approval_denominator = models.PositiveSmallIntegerField(
        _("approval share: denominator"), default=3
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum (members present)"),
        null=True,
        blank=True,
        help_text=_("Empty: the same share of the members as for approval."),
    )
    aggregate = models.CharField(
        _("entry score"), max_length=10, choices=Aggregate.choices, default=Aggregate.MEAN
    )
    spread_alert = models.PositiveSmallIntegerField(
        _("flag disagreement above (points)"), default=20
    )
    blind = models.BooleanField(
        _("blind scoring"), default=False, help_text=_("Scorers do not see units or people.")
    )
    reveal_after_submit = models.BooleanField(
        _("members see the others' scores after submitting their own"), default=True
    )
    share_comments = models.BooleanField(
        _("units receive the scorers' comments, anonymised"), default=False
    )
    # What a commendation gives besides the certificate of merit (giấy khen); None: nothing.
    commendation_amount = models.PositiveIntegerField(
        _("prize money per commended entry (VND)"),
        null=True,
        blank=True,
        help_text=_("Empty: the commendation is the certificate of merit alone."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def __str__(self) -> str:
        return self.name


class CouncilMember(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="council_seats")
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "person"], name="review_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Band(models.Model):
    """A band of a criterion's scale: "27–30: entirely new"."""

    criterion = models.ForeignKey("plans.Criterion", on_delete=models.CASCADE, related_name="bands")
    low = models.DecimalField(_("from"), max_digits=6, decimal_places=2)
    high = models.DecimalField(_("to"), max_digits=6, decimal_places=2)
    description = models.CharField(_("meaning"), max_length=300)

    class Meta:
        ordering = ["-high"]

    def __str__(self) -> str:
        return f"{plain(self.low)}–{plain(self.high)}: {self.description}"


class Grade(models.Model):
    """A classification by total score: "xuất sắc" from 90 …"""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="grades")
    label = models.CharField(_("class"), max_length=50)
    min_total = models.DecimalField(_("from a total of"), max_digits=7, decimal_places=2)

    class Meta:
        ordering = ["-min_total"]

    def __str__(self) -> str:
        return self.label
