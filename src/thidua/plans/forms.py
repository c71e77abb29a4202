from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import LongTextField, OfficeDateField, PlainTextField, bounded_formset
from thidua.core.once import SingleUseForm
from thidua.org.models import UnitKind, UnitLevel
from thidua.plans.domain import body as plan_body
from thidua.plans.models import (
    Campaign,
    Criterion,
    Deadline,
    EmulationForm,
    LatePolicy,
    PlanPoint,
    PlanSection,
    PlanState,
    Restart,
)

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
MAX_BODY = 100_000  # characters: a plan of some forty pages (the seed plan 115 is 11,000)
QUOTA_KINDS = [
    (k.value, k.label)
    for k in (
        UnitKind.DISTRICT,
        UnitKind.TOWN,
        UnitKind.CITY,
        UnitKind.COMMUNE,
        UnitKind.WARD,
        UnitKind.TOWNSHIP,
        UnitKind.SPECIAL_ZONE,
        UnitKind.BRANCH,
    )
]


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


class PlanForm(forms.Form):
    title = PlainTextField(label=_("Title"), max_length=400)
    movement_name = PlainTextField(label=_("Movement"), max_length=400)
    subject = LongTextField(
        label=_("Subject (the bold lines under “KẾ HOẠCH”)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    emulation_form = forms.ChoiceField(label=_("Form of emulation"), choices=EmulationForm.choices)
    period_start = OfficeDateField(
        label=_("Period from"), widget=DateInput, input_formats=DATE_FORMATS
    )
    period_end = OfficeDateField(
        label=_("Period until"), widget=DateInput, input_formats=DATE_FORMATS
    )
    superior_line = PlainTextField(
        label=_("Superior body (header, first line)"), max_length=200, required=False
    )
    issuer_line = PlainTextField(label=_("Issuing body (header, second line)"), max_length=200)
    place = PlainTextField(label=_("Place (before the date)"), max_length=100)
    preamble = LongTextField(
        label=_("Preamble"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    closing = LongTextField(
        label=_("Closing paragraph"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    quota_kinds = forms.MultipleChoiceField(
        label=_("Units that must register"),
        choices=QUOTA_KINDS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    quota_minimum = forms.IntegerField(
        label=_("Minimum registrations per unit"), min_value=0, max_value=99
    )
    registration_rule = LongTextField(
        label=_("Registration rule as written in the plan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    late_registrations = forms.ChoiceField(
        label=_("Registrations after the deadline are"), choices=LatePolicy.choices
    )
    recipients = LongTextField(
        label=_("Recipients (nơi nhận), one per line"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    signing_authority = PlainTextField(
        label=_("On behalf of (e.g. T/M BAN THƯỜNG VỤ)"), max_length=100, required=False
    )
    signer_title = PlainTextField(label=_("Signer's title"), max_length=100)
    signer_name = PlainTextField(
        label=_("Signer's name"),
        max_length=100,
        required=False,
        help_text=_(
            "Needed to issue the plan. A draft may leave it empty: it is then printed as a "
            "draft (DỰ THẢO)."
        ),
    )
    is_signed = forms.BooleanField(label=_("Signed (“Đã ký”)"), required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end date is before the start date."))
        return data


class PlanCreateForm(PlanForm, SingleUseForm):
    """A new plan: created once however often the form is sent (core/once.py)."""


class PlanBodyForm(forms.Form):
    source = LongTextField(
        label=_("Sections and points"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "true"}),
        help_text=_(
            "A line starting with # is a section (numbered I, II … automatically); ## starts a "
            "point (numbered 1, 2 …), with its title after ## or none; every other line is a "
            "paragraph."
        ),
    )

    def clean_source(self):
        source = self.cleaned_data["source"]
        try:
            sections = plan_body.parse(source)
        except plan_body.BodyError as error:
            raise forms.ValidationError(
                _("Line %(line)d: %(problem)s.") % {"line": error.line, "problem": error}
            ) from None
        if not sections:
            raise forms.ValidationError(_("Write at least one section."))
        for number, line in enumerate(source.splitlines(), start=1):
            if line.startswith("##"):
                too_long(number, line[2:].strip(), PlanPoint, "title")
            elif line.startswith("#"):
                too_long(number, line[1:].strip(), PlanSection, "heading")
        return source


class CriterionForm(forms.ModelForm):
    name = PlainTextField(label=capfirst(_("criterion")), max_length=200)
    description = LongTextField(
        label=capfirst(_("explanation")), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Criterion
        fields = ["name", "description", "max_points"]


class DeadlineForm(forms.ModelForm):
    label = PlainTextField(label=capfirst(_("what is due")), max_length=300)
    due_on = OfficeDateField(
        label=_("Due by (end of day)"), widget=DateInput, input_formats=DATE_FORMATS
    )

    class Meta:
        model = Deadline
        fields = ["kind", "label"]


CriterionFormSet = bounded_formset(CriterionForm, extra=1, can_delete=True)
DeadlineFormSet = bounded_formset(DeadlineForm, extra=1, can_delete=True)


def too_long(number: int, line: str, model, field: str) -> None:
    """A line that becomes a row's ``field`` is refused, with its number, when longer than
    the column (PostgreSQL would refuse it with a server error; SQLite would keep it)."""
    limit = model._meta.get_field(field).max_length
    if len(line) > limit:
        raise forms.ValidationError(
            _("Line %(line)d: %(problem)s.")
            % {
                "line": number,
                "problem": _("at most %(max)d characters, this one has %(length)d")
                % {"max": limit, "length": len(line)},
            }
        )


class PlanListsForm(forms.Form):
    campaigns = LongTextField(
        label=_("Linked campaigns and movements, one per line"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    citations = LongTextField(
        label=_("Other documents cited as basis (“Căn cứ …”), one per line"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def clean_campaigns(self):
        campaigns = self.cleaned_data["campaigns"]
        for number, line in enumerate(campaigns.splitlines(), start=1):
            too_long(number, line.strip(), Campaign, "name")
        return campaigns


class ChildPlanForm(SingleUseForm):
    unit = forms.TypedChoiceField(label=_("For the unit"), coerce=int)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.pk, u.full_name) for u in units]


class AttachmentForm(SingleUseForm):
    title = PlainTextField(
        label=_("Title"), max_length=200, error_messages={"required": _("Give the file a title.")}
    )
    file = forms.FileField(
        label=_("File (PDF, JPEG, PNG or DOCX, at most 10 MB)"),
        error_messages={"required": _("Choose a file to upload.")},
    )


class NumberingRuleForm(forms.Form):
    issuer_code = forms.RegexField(
        label=_("Issuer code in document numbers"),
        regex=r"^[A-Za-zĐđ0-9-]{1,20}$",
        help_text=_("The part after the slash: 115-KH/HNDH."),
        error_messages={"invalid": _("Letters and digits only, e.g. HNDH.")},
    )
    restart = forms.ChoiceField(label=_("Numbers restart"), choices=Restart.choices)
    term = PlainTextField(
        label=_("Current term"),
        max_length=20,
        required=False,
        help_text=_("Only when numbers restart every term, e.g. 2023-2028."),
    )

    def clean(self):
        data = super().clean()
        if data.get("restart") == Restart.TERM and not data.get("term"):
            self.add_error("term", _("Give the current term."))
        return data


class PlanFilterForm(forms.Form):
    """The plan list's filters (GET): each narrows the list; the pages and downloads keep
    them. The choices are what the person's plans hold: their years, issuers and levels."""

    whose = forms.ChoiceField(label=_("Plans"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    issuer = forms.TypedChoiceField(
        label=_("Issued by"), coerce=int, required=False, empty_value=None
    )
    level = forms.TypedChoiceField(label=_("Level"), coerce=int, required=False, empty_value=None)
    state = forms.ChoiceField(label=_("State"), required=False)

    RECEIVED, OWN = "received", "own"

    def __init__(self, *args, years, issuers, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("all"))]
        self.fields["whose"].choices = [
            *every,
            (self.RECEIVED, _("received from above")),
            (self.OWN, _("of your units")),
        ]
        self.fields["year"].choices = every + [(y, str(y)) for y in years]
        self.fields["issuer"].choices = every + [(u.pk, u.full_name) for u in issuers]
        levels = sorted({u.level for u in issuers})
        self.fields["level"].choices = every + [(v, UnitLevel(v).label) for v in levels]
        self.fields["state"].choices = every + PlanState.choices

    def narrow(self, plans, *, above: set[int]):
        """``plans`` as the filters ask; ``above``: the ids of the units above the person's
        (what they issue is received from above). All of them when the filters are invalid."""
        if not self.is_valid():
            return plans
        data = self.cleaned_data
        if data["whose"] == self.RECEIVED:
            plans = plans.filter(unit_id__in=above)
        elif data["whose"] == self.OWN:
            plans = plans.exclude(unit_id__in=above)
        if data["year"]:
            plans = plans.filter(period_start__year=data["year"])
        if data["issuer"]:
            plans = plans.filter(unit_id=data["issuer"])
        if data["level"] is not None:
            plans = plans.filter(unit__level=data["level"])
        if data["state"]:
            plans = plans.filter(state=data["state"])
        return plans


class SeriesForm(forms.Form):
    """Which plan of the year before this one continues (plans/domain/series.py)."""

    previous = forms.TypedChoiceField(
        label=_("Continues the plan of the year before"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_(
            "The same movement's plan of an earlier year: the roll-up and the dashboard then "
            "compare the years."
        ),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["previous"].choices = [("", _("none (the first of its series)"))] + [
            (p.pk, f"{p.number_symbol} ({p.period_start:%Y}) {p.title}") for p in candidates
        ]
