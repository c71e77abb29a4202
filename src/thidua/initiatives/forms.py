from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core import text
from thidua.core.forms import (
    LongTextField,
    OfficeDateField,
    PlainTextField,
    VietnameseDecimalField,
    VietnameseIntegerField,
    bounded_formset,
)
from thidua.core.lookups import folded_words
from thidua.core.once import SingleUseForm
from thidua.initiatives.models import FileKind, IdeaState, Kind, Registration, RegistrationState
from thidua.org.models import normalise_phone

NO_OUTCOME = "undecided"
MAX_IMPLEMENTERS = 30  # rows of people besides the lead
# The registration's own fields, as the form edits them.
MODEL_FIELDS = [
    "kind", "name", "lead_name", "lead_position", "lead_consent", "summary", "applied_when",
    "applied_where", "applied_work", "expected_results", "households", "area_ha",
    "income_change", "cost_vnd",
]  # fmt: skip


class StartForm(SingleUseForm):
    """The first step: which unit, what kind, what name. The rest comes on the next page."""

    unit = forms.TypedChoiceField(label=_("Registering unit"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect)
    name = PlainTextField(label=_("Name of the model, initiative or idea"), max_length=300)
    entered_by_office = forms.BooleanField(
        label=_("Entered from a paper form sent by the unit"), required=False
    )

    def __init__(self, *args, units, allow_paper: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.pk, u.full_name) for u in units]
        if not allow_paper:
            del self.fields["entered_by_office"]


class RegistrationForm(forms.Form):
    """Everything the seed asks for, in the order of the paper form."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect)
    name = PlainTextField(label=_("Name"), max_length=300)
    lead = forms.TypedChoiceField(
        label=_("Lead person with an account"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Or write the name below if the lead person has no account."),
    )
    lead_name = PlainTextField(
        label=_("Lead person (người chủ trì)"), max_length=150, required=False
    )
    lead_position = PlainTextField(
        label=_("Lead person's position and unit"), max_length=200, required=False
    )
    lead_consent = forms.BooleanField(
        label=_("The lead person agrees to be named on the public showcase"), required=False
    )
    summary = LongTextField(label=_("Short description"), required=False)
    applied_when = PlainTextField(label=_("Time of application"), max_length=200, required=False)
    applied_where = PlainTextField(label=_("Place of application"), max_length=300, required=False)
    applied_work = LongTextField(label=_("Work it is applied to"), required=False)
    expected_results = LongTextField(label=_("Expected results"), required=False)
    households = VietnameseIntegerField(
        max_value=2_147_483_647, label=_("Households taking part"), min_value=0, required=False
    )
    area_ha = VietnameseDecimalField(
        label=_("Area (ha)"), min_value=0, max_digits=10, decimal_places=2, required=False
    )
    income_change = PlainTextField(
        label=_("Expected change in output or income"), max_length=200, required=False
    )
    cost_vnd = VietnameseIntegerField(
        max_value=10**15, label=_("Cost (VND)"), min_value=0, required=False
    )
    campaigns = forms.TypedMultipleChoiceField(
        label=_("Linked campaigns"), coerce=int, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, criteria, campaigns, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.people = {person.pk: person for person in people}
        self.fields["lead"].choices = [("", "—")] + [
            (person.pk, person.get_full_name()) for person in self.people.values()
        ]
        for criterion in self.criteria:
            self.fields[f"arg_{criterion.pk}"] = LongTextField(
                label=criterion.name, help_text=criterion.description, required=False
            )
        self.fields["campaigns"].choices = [(c.pk, c.name) for c in campaigns]
        for name in ("summary", "applied_work", "expected_results"):
            self.fields[name].widget.attrs["rows"] = 4
        for criterion in self.criteria:
            self.fields[f"arg_{criterion.pk}"].widget.attrs["rows"] = 3

    def argument_fields(self):
        return [self[f"arg_{criterion.pk}"] for criterion in self.criteria]

    def arguments(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data.get(f"arg_{c.pk}", "") for c in self.criteria}

    def model_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in MODEL_FIELDS}
        fields["lead"] = self.people.get(self.cleaned_data.get("lead"))
        return fields


class ImplementerForm(forms.Form):
    name = PlainTextField(label=_("Name"), max_length=150, required=False)
    position_unit = PlainTextField(label=_("Position and unit"), max_length=200, required=False)
    role = PlainTextField(label=_("Role in the work"), max_length=200, required=False)


ImplementerFormSet = bounded_formset(ImplementerForm, extra=2, max_num=MAX_IMPLEMENTERS)


def implementer_formset(data=None, *, saved: list[dict]):
    """The implementer rows: the ``saved`` ones on a fresh page; the posted ones alone when
    ``data`` is given. A bound formset compares each row with its initial value and drops
    the unchanged extra rows: once an autosave has stored the rows typed in the blank ones,
    giving them as initial would drop them from the very post that typed them."""
    if data is not None:
        return ImplementerFormSet(data, prefix="implementers")
    return ImplementerFormSet(prefix="implementers", initial=saved)


def implementer_rows(formset) -> list[dict]:
    return [
        {k: f.cleaned_data.get(k, "") for k in ("name", "position_unit", "role")}
        for f in formset.forms
        if f.cleaned_data.get("name")
    ]


def _outcomes() -> list[tuple[str, str]]:
    """The outcomes a council decides, as the review app names them: its proposal model is
    above this app in the layers, so it is reached through the relation, never imported."""
    proposal = Registration._meta.get_field("proposals").related_model
    return list(proposal._meta.get_field("outcome").choices)


class ListFilterForm(forms.Form):
    """The registration list's filters (GET): each narrows the list, the pages and the
    downloads keep them. ``years``: the plan's years, offered when it spans several (a term's
    plan); the year a registration was first sent. ``q``: words of the name, in any order, with
    or without diacritics (the search page looks in every field, across plans)."""

    q = forms.CharField(
        label=_("Words in the name (with or without diacritics)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int, required=False, empty_value=None)
    campaign = forms.TypedChoiceField(
        label=_("Linked campaign"), coerce=int, required=False, empty_value=None
    )
    year = forms.TypedChoiceField(
        label=_("Year sent"), coerce=int, required=False, empty_value=None
    )
    outcome = forms.ChoiceField(label=_("Council's outcome"), required=False)
    late = forms.BooleanField(label=_("Sent late only"), required=False)

    def __init__(self, *args, units, campaigns=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("all"))]
        self.fields["kind"].choices = every + Kind.choices
        shown = [c for c in RegistrationState.choices if c[0] != RegistrationState.DELETED]
        self.fields["state"].choices = every + shown
        self.fields["unit"].choices = every + [(u.pk, u.full_name) for u in units]
        self.units_by_pk = [(u.pk, u) for u in units]
        if campaigns:
            self.fields["campaign"].choices = every + [(c.pk, c.name) for c in campaigns]
        else:
            del self.fields["campaign"]
        if len(years) > 1:
            self.fields["year"].choices = every + [(y, str(y)) for y in years]
        else:
            del self.fields["year"]
        # The council's decided outcome, named as the review app names it; "none yet": no
        # approved decision lists the registration.
        self.fields["outcome"].choices = [
            *every,
            *_outcomes(),
            (NO_OUTCOME, _("no decision yet")),
        ]

    def narrow(self, registrations):
        """``registrations`` as the filters ask (all of them when the filters are invalid)."""
        if not self.is_valid():
            return registrations
        data = self.cleaned_data
        if data["q"]:
            registrations = registrations.filter(folded_words("search_name", data["q"]))
        if data["kind"]:
            registrations = registrations.filter(kind=data["kind"])
        if data["state"]:
            registrations = registrations.filter(state=data["state"])
        if data["unit"]:
            unit = dict(self.units_by_pk).get(data["unit"])
            registrations = registrations.filter(unit__path__startswith=unit.path)
        if data.get("campaign"):
            registrations = registrations.filter(campaigns=data["campaign"])
        if data.get("year"):
            registrations = registrations.filter(first_submitted_at__year=data["year"])
        decided = {"proposals__council__decision__approved": True}
        if data["outcome"] == NO_OUTCOME:
            registrations = registrations.exclude(
                pk__in=Registration.objects.filter(**decided).values("pk")
            )
        elif data["outcome"]:
            registrations = registrations.filter(
                pk__in=Registration.objects.filter(
                    **decided, proposals__outcome=data["outcome"]
                ).values("pk")
            )
        if data["late"]:
            registrations = registrations.filter(is_late=True)
        return registrations


class IdeaFilterForm(forms.Form):
    """The idea box's filter (GET): what became of the ideas; the pages keep it."""

    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("all")), *IdeaState.choices]

    def narrow(self, ideas):
        if self.is_valid() and self.cleaned_data["state"]:
            return ideas.filter(state=self.cleaned_data["state"])
        return ideas


class ReturnForm(forms.Form):
    reason = LongTextField(label=_("Why is it returned? What should be revised?"))


class FileForm(SingleUseForm):
    kind = forms.ChoiceField(label=_("Kind of file"), choices=FileKind.choices)
    title = PlainTextField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File (photo JPEG/PNG/WebP, or PDF/DOCX document)"),
        error_messages={"required": _("Choose a file to upload.")},
    )

    def clean(self):
        """Without a title, the file's name is the title, cleaned like typed text: a name may
        carry a direction override that makes it display as something else."""
        data = super().clean()
        upload = data.get("file")
        if not data.get("title") and upload is not None:
            data["title"] = text.nfc(upload.name)[: self.fields["title"].max_length]
        return data


class PaperDateForm(forms.Form):
    sent_on = OfficeDateField(
        label=_("Date on the paper form"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_sent_on(self):

        day = self.cleaned_data["sent_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("The date on the paper form cannot be in the future."))
        return day


class IdeaForm(forms.Form):
    name = PlainTextField(label=_("Your name"), max_length=150)
    phone = forms.CharField(label=_("Your phone number"), max_length=20)
    idea = LongTextField(label=_("Your idea"), max_length=3000)
    # Spam protection: a field people don't see (bots fill it) and a signed render time.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )
    started = forms.CharField(widget=forms.HiddenInput)

    def clean_phone(self):

        phone = normalise_phone(self.cleaned_data["phone"])
        if not 9 <= len(phone) <= 11:
            raise forms.ValidationError(
                _("Enter a phone number of 9 to 11 digits, e.g. 0912 345 678.")
            )
        return phone


class ConvertIdeaForm(SingleUseForm):
    plan = forms.TypedChoiceField(label=_("Register it under the plan"), coerce=int)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = [(p.pk, f"{p.number_symbol} {p.title}") for p in plans]
