from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from thidua.org.models import Person, Role, UnitKind, UnitLevel, normalise_phone

CHILD_KINDS = [
    (kind.value, kind.label)
    for kind in (
        UnitKind.BRANCH,
        UnitKind.GROUP,
        UnitKind.COMMUNE,
        UnitKind.WARD,
        UnitKind.TOWNSHIP,
        UnitKind.SPECIAL_ZONE,
        UnitKind.DISTRICT,
        UnitKind.URBAN_DISTRICT,
        UnitKind.TOWN,
    )
]


class UnitFilterForm(forms.Form):
    STATUS_CHOICES = [
        ("all", _("all")),
        ("current", _("current")),
        ("former", _("former (dissolved or reorganised)")),
    ]
    q = forms.CharField(label=_("Search by name or code"), required=False)
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=[("", _("all levels")), *UnitLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=CHILD_KINDS)
    code = forms.CharField(label=_("Administrative code"), max_length=20, required=False)


class UnitImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("Columns: Tên, Loại, Thuộc đơn vị (optional), Mã (optional)."),
    )


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name, username, e-mail or phone"), required=False)


class MembershipAddForm(forms.Form):
    login = forms.CharField(
        label=_("Username, e-mail or phone number of the person"),
        max_length=150,
        help_text=_("A person who already has a role in one of your units."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class PersonCreateForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        error_messages={
            "invalid": _("Use only letters, digits and the characters @ . + - _ (no spaces).")
        },
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=20, required=False)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(render_value=False),
        required=False,
        help_text=_("Leave empty to let the person set one through “Forgot password”."),
    )

    def clean_username(self):
        username = self.cleaned_data["username"]
        if Person.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if phone and not 9 <= len(phone) <= 11:
            raise forms.ValidationError(
                _("Enter a phone number of 9 to 11 digits, e.g. 0912 345 678.")
            )
        return phone


class LoginForm(AuthenticationForm):
    """Django's login form, with the label and message our login rules need."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The login or the password is wrong. Check them and try again "
            "(the password is case-sensitive)."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username, e-mail or phone number")
        # Autofocus would skip the "skip to content" link for keyboard users.
        self.fields["username"].widget.attrs.pop("autofocus", None)


class UnitEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    code = forms.CharField(label=_("Administrative code"), max_length=20, required=False)
    valid_from = forms.DateField(
        label=_("Valid from"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text=_("dd/mm/yyyy; empty if the unit has always existed."),
    )
    valid_to = forms.DateField(
        label=_("Valid until"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text=_("dd/mm/yyyy; empty while the unit exists."),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("The end date is before the start date."))
        return data


class PersonEditForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=20, required=False)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    is_active = forms.BooleanField(
        label=_("Account active"),
        required=False,
        help_text=_("Untick to stop this person from logging in; nothing they did is lost."),
    )

    clean_phone = PersonCreateForm.clean_phone
