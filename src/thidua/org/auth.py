"""Log in with a username, an e-mail address or a phone number."""

from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from thidua.org.models import Person, normalise_phone


class UsernameEmailOrPhoneBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        login = username.strip()
        condition = Q(username__iexact=login) | Q(email__iexact=login)
        phone = normalise_phone(login)
        if len(phone) >= 9:  # shorter digit runs are not phone numbers
            condition |= Q(phone=phone)
        matches = list(Person.objects.filter(condition)[:2])
        if len(matches) != 1:
            # Unknown or ambiguous: still hash once, so timing does not tell which.
            Person().set_password(password)
            return None
        person = matches[0]
        if person.check_password(password) and self.user_can_authenticate(person):
            return person
        return None
