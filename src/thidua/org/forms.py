from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from thidua.core.clients import client_address
from thidua.core.forms import OfficeDateField, PlainTextField
from thidua.core.once import SingleUseForm
from thidua.org.domain.logins import password_set, reset_requested
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


class UnitForm(SingleUseForm):
    name = PlainTextField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=CHILD_KINDS)
    code = PlainTextField(label=_("Administrative code"), max_length=20, required=False)


class UnitImportForm(SingleUseForm):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("Columns: Tên, Loại, Thuộc đơn vị (optional), Mã (optional)."),
    )


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name, username, e-mail or phone"), required=False)


class MembershipAddForm(SingleUseForm):
    login = PlainTextField(
        label=_("Username, e-mail or phone number of the person"),
        max_length=150,
        help_text=_("A person who already has a role in one of your units."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class PersonCreateForm(SingleUseForm):
    full_name = PlainTextField(label=_("Full name"), max_length=150)
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
    position = PlainTextField(label=_("Position"), max_length=150, required=False)
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


def _locked_message(until) -> str:
    return _(
        "Too many failed attempts: for your safety, logging in is paused until %(time)s. "
        "If you have forgotten your password, use “Forgot your password?”."
    ) % {"time": date_format(timezone.localtime(until), "H:i")}


class LockoutMessageMixin:
    """Says that logging in is paused (org/auth.py set ``request.login_locked_until``)
    instead of calling the password wrong."""

    def get_invalid_login_error(self):
        until = getattr(self.request, "login_locked_until", None)
        if until is not None:
            return forms.ValidationError(_locked_message(until), code="locked")
        return super().get_invalid_login_error()


class LoginForm(LockoutMessageMixin, AuthenticationForm):
    """Django's login form, with the label and messages our login rules need."""

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


class AdminLoginForm(LockoutMessageMixin, AdminAuthenticationForm):
    """The admin site's login form, saying so when logging in is paused."""


class PasswordResetRequestForm(PasswordResetForm):
    """Django's form, limited per e-mail address and per network address, sending a mail
    in the user's language whose link starts with SITE_URL (never the request's Host)."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_email(self):
        email = self.cleaned_data["email"]
        until = reset_requested(
            email=email, address=client_address(self.request), now=timezone.now()
        )
        if until is not None:
            raise forms.ValidationError(
                _(
                    "Too many requests for a new password: try again after %(time)s. "
                    "If no e-mail arrives, ask the administrator of your unit."
                )
                % {"time": date_format(timezone.localtime(until), "H:i")},
                code="throttled",
            )
        return email

    def save(self, **kwargs):
        """The link starts with SITE_URL, whatever Host the request named."""
        site = urlsplit(settings.SITE_URL)
        kwargs.update(domain_override=site.netloc, use_https=site.scheme == "https")
        return super().save(**kwargs)

    def get_users(self, email):
        """Active accounts with this address, those created without a password included: the
        account form tells administrators to let such a person set one here."""
        return (
            person
            for person in Person.objects.filter(email__iexact=email, is_active=True)
            if person.email.lower() == email.lower()
        )


class PasswordSetForm(SetPasswordForm):
    """Choosing a new password through a reset link also ends a lock on the account."""

    def save(self, commit=True):
        person = super().save(commit=commit)
        password_set(person=person)
        return person


class UnitEditForm(forms.Form):
    name = PlainTextField(label=_("Name"), max_length=200)
    code = PlainTextField(label=_("Administrative code"), max_length=20, required=False)
    valid_from = OfficeDateField(
        label=_("Valid from"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text=_("dd/mm/yyyy; empty if the unit has always existed."),
    )
    valid_to = OfficeDateField(
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
    full_name = PlainTextField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=20, required=False)
    position = PlainTextField(label=_("Position"), max_length=150, required=False)
    is_active = forms.BooleanField(
        label=_("Account active"),
        required=False,
        help_text=_("Untick to stop this person from logging in; nothing they did is lost."),
    )

    clean_phone = PersonCreateForm.clean_phone
