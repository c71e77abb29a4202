from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import (
    LongTextField,
    OfficeDateField,
    PlainTextField,
    VietnameseDecimalField,
    VietnameseIntegerField,
)
from thidua.core.once import SingleUseForm
from thidua.review.models import Aggregate, MemberRole, Outcome

MAX_AMOUNT = 2_000_000_000  # đồng: what the database field holds, with room to spare


class CouncilForm(SingleUseForm):
    name = PlainTextField(label=_("Name"), max_length=200)
    aggregate = forms.ChoiceField(label=_("Entry score"), choices=Aggregate.choices)
    blind = forms.BooleanField(
        label=_("Blind scoring: scorers do not see units or people"), required=False
    )
    reveal_after_submit = forms.BooleanField(
        label=_("Members see the others' scores after submitting their own"),
        required=False,
        initial=True,
    )
    share_comments = forms.BooleanField(
        label=_("Units receive the scorers' comments, anonymised"), required=False
    )
    approval_numerator = VietnameseIntegerField(
        label=_("Approval share: numerator"), min_value=1, max_value=99, initial=2
    )
    approval_denominator = VietnameseIntegerField(
        label=_("Approval share: denominator"), min_value=1, max_value=99, initial=3
    )
    quorum = VietnameseIntegerField(
        label=_("Quorum (members present)"),
        min_value=1,
        max_value=999,
        required=False,
        help_text=_("Empty: the same share of the members as for approval."),
    )
    spread_alert = VietnameseIntegerField(
        label=_("Flag disagreement above (points)"), min_value=0, max_value=30000, initial=20
    )
    commendation_amount = VietnameseIntegerField(
        label=_("Prize money per commended entry (VND)"),
        min_value=1,
        max_value=MAX_AMOUNT,
        required=False,
        help_text=_("Empty: the commendation is the certificate of merit alone."),
    )

    def clean(self):
        data = super().clean()
        top, bottom = data.get("approval_numerator"), data.get("approval_denominator")
        if top and bottom and top > bottom:
            self.add_error("approval_numerator", _("The share cannot be more than the whole."))
        return data


class MemberForm(SingleUseForm):
    person = forms.TypedChoiceField(label=_("Person"), coerce=int)
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(p.pk, p.get_full_name()) for p in people]


class AssignForm(forms.Form):
    per_registration = forms.IntegerField(
        label=_("Members per entry"),
        min_value=1,
        max_value=50,
        required=False,
        help_text=_("Empty: every member scores every entry (conflicts excepted)."),
    )


class AssignCsvForm(forms.Form):
    file = forms.FileField(label=_("CSV file: entry number, username (one pair per row)"))


class ExclusionForm(SingleUseForm):
    """A member and an entry, the entry by its registration number (the number the ranking,
    the score table and the CSV import show): a council of thousands of entries cannot be a
    list to choose from. The number is checked against the council's entries."""

    member = forms.TypedChoiceField(label=_("Member"), coerce=int)
    registration = forms.IntegerField(
        label=_("Entry number"),
        min_value=1,
        help_text=_("The entry's number, as the ranking and the CSV import give it."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    reason = PlainTextField(label=_("Reason"), max_length=300)

    def __init__(self, *args, members, registrations=None, **kwargs):
        """``registrations``: the council's entries (a queryset), to check the number."""
        super().__init__(*args, **kwargs)
        self.registrations = registrations
        self.fields["member"].choices = [(m.pk, m.person.get_full_name()) for m in members]

    def clean_registration(self):
        number = self.cleaned_data["registration"]
        found = self.registrations.filter(pk=number).first() if self.registrations else None
        if found is None:
            raise forms.ValidationError(
                _("No entry of this council has the number %(number)d.") % {"number": number}
            )
        return found


class EntryLookupForm(forms.Form):
    """Finding an entry's number on the council page (GET): by its number or a part of its
    name; the first few matches are shown."""

    SHOWN = 20
    entry = PlainTextField(label=_("Find an entry"), max_length=100, required=False)

    def matches(self, entries) -> list:
        if not self.is_valid() or not self.cleaned_data["entry"]:
            return []
        wanted = self.cleaned_data["entry"]
        if wanted.isdecimal():
            found = entries.filter(pk=int(wanted))
        else:
            found = entries.filter(name__icontains=wanted)
        return list(found.select_related("unit")[: self.SHOWN])


class RankingFilterForm(forms.Form):
    """The ranking's filters (GET), kept in the pages' links."""

    ALL, DISPUTED, UNSCORED = "", "disputed", "unscored"
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (ALL, _("every entry")),
            (DISPUTED, _("entries the members disagree on")),
            (UNSCORED, _("entries nobody has scored yet")),
        ],
    )
    grade = forms.ChoiceField(label=_("Class"), required=False)

    def __init__(self, *args, grades, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grade"].choices = [("", _("all")), *[(g.label, g.label) for g in grades]]

    def narrow(self, standings: list) -> list:
        """The standings that pass the filters, in their order (their ranks unchanged)."""
        if not self.is_bound or not self.is_valid():
            return standings
        show, grade = self.cleaned_data["show"], self.cleaned_data["grade"]
        if show == self.DISPUTED:
            standings = [s for s in standings if s.disputed]
        elif show == self.UNSCORED:
            standings = [s for s in standings if s.score is None]
        if grade:
            standings = [s for s in standings if s.grade == grade]
        return standings


class ScoreForm(forms.Form):
    """One points field and one comment per criterion of the plan."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"points_{criterion.pk}"] = VietnameseDecimalField(
                label=_("%(name)s (0–%(max)d points)")
                % {"name": criterion.name, "max": criterion.max_points},
                min_value=0,
                max_value=criterion.max_points,
                decimal_places=2,
                required=False,
            )
            self.fields[f"comment_{criterion.pk}"] = LongTextField(
                label=_("Comment on %(name)s") % {"name": criterion.name}, required=False
            )
            self.fields[f"comment_{criterion.pk}"].widget.attrs["rows"] = 2

    def pairs(self):
        return [(c, self[f"points_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def scores(self):
        return {
            c.pk: (
                self.cleaned_data.get(f"points_{c.pk}"),
                self.cleaned_data.get(f"comment_{c.pk}", ""),
            )
            for c in self.criteria
        }


class ProposalForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Proposed outcome"), choices=Outcome.choices)
    reason = PlainTextField(label=_("Reason"), max_length=500, required=False)


class AwardForm(forms.Form):
    """What a commendation gives besides the certificate of merit."""

    commendation_amount = VietnameseIntegerField(
        label=_("Prize money per commended entry (VND)"),
        min_value=1,
        max_value=MAX_AMOUNT,
        required=False,
        help_text=_("Empty: the commendation is the certificate of merit alone."),
    )


class VoteForm(forms.Form):
    present = forms.IntegerField(label=_("Members present"), min_value=0)
    votes_for = forms.IntegerField(label=_("Votes for the proposed list"), min_value=0)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0)
    decided_on = OfficeDateField(
        label=_("Date of the meeting"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    started_at = forms.TimeField(
        label=_("The meeting started at"),
        input_formats=["%H:%M", "%H giờ %M", "%Hh%M"],
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("As the minutes record it; empty leaves a blank to fill in by hand."),
    )
    ended_at = forms.TimeField(
        label=_("The meeting ended at"),
        input_formats=["%H:%M", "%H giờ %M", "%Hh%M"],
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    absent = forms.TypedMultipleChoiceField(
        label=_("Members absent"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The minutes name them; tick them when fewer members are present."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        self.fields["absent"].choices = [
            (m.pk, f"{m.person.get_full_name()} ({m.get_role_display()})") for m in self.members
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("started_at"), data.get("ended_at")
        if start is not None and end is not None and end < start:
            self.add_error("ended_at", _("The meeting cannot end before it starts."))
        present, absent = data.get("present"), data.get("absent") or []
        counted = present is not None and "absent" not in self.errors
        if counted and present + len(absent) != len(self.members):
            self.add_error(
                "absent",
                _(
                    "%(present)d present and %(absent)d absent make %(total)d, not the "
                    "council's %(members)d members: tick exactly the members who did not come."
                )
                % {
                    "present": present,
                    "absent": len(absent),
                    "total": present + len(absent),
                    "members": len(self.members),
                },
            )
        data["absent"] = [m for m in self.members if m.pk in set(absent)]
        return data
