"""Log in with a username, an e-mail address or a phone number; throttled and audited.

Every password check of the site passes here (the login page, the admin site's login, any
programmatic ``authenticate``), so the throttle (org/domain/logins.py) cannot be gone
round: a locked account or address is refused before its password is looked at.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone

from thidua.core.clients import client_address
from thidua.org.domain.logins import login_failed, login_locked, login_succeeded
from thidua.org.models import Person, normalise_phone


def find_account(login: str) -> Person | None:
    """The one account this username, e-mail address or phone number names, if exactly one."""
    login = login.strip()
    condition = Q(username__iexact=login) | Q(email__iexact=login)
    phone = normalise_phone(login)
    if len(phone) >= 9:  # shorter digit runs are not phone numbers
        condition |= Q(phone=phone)
    matches = list(Person.objects.filter(condition)[:2])
    return matches[0] if len(matches) == 1 else None


class UsernameEmailOrPhoneBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        now = timezone.now()
        address = client_address(request)
        person = find_account(username)
        until = login_locked(person=person, login=username, address=address, now=now)
        if until is not None:
            if request is not None:
                request.login_locked_until = until  # the login forms say so (org/forms.py)
            raise PermissionDenied  # no other backend may try either
        if person is None:
            # Unknown or ambiguous: still hash once, so timing does not tell which.
            Person().set_password(password)
        elif person.check_password(password) and self.user_can_authenticate(person):
            return person
        until = login_failed(person=person, login=username, address=address, now=now)
        if until is not None and request is not None:
            request.login_locked_until = until
        return None


def _logged_in(sender, request, user, **kwargs):
    """Any login that opened a session: the account's failures are forgiven, and it is audited."""
    login_succeeded(person=user, address=client_address(request))


user_logged_in.connect(_logged_in, dispatch_uid="thidua.org.auth.logged_in")
