"""Accounts and roles. Every change is validated, saved and audited here."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.audit.log import record, snapshot
from thidua.audit.models import Action
from thidua.org.models import Membership, Person, Role, Unit, normalise_phone
from thidua.org.models.units import PATH_STEP


def _check_unique_login(*, email: str, phone: str, exclude: int | None = None) -> None:
    others = Person.objects.exclude(pk=exclude)
    errors = {}
    if email and others.filter(email__iexact=email).exists():
        errors["email"] = _("Another account already uses this e-mail address.")
    if phone and others.filter(phone=normalise_phone(phone)).exists():
        errors["phone"] = _("Another account already uses this phone number.")
    if errors:
        raise ValidationError(errors)


def account_unit(person: Person) -> Unit | None:
    """The unit an account's log entries belong to: the smallest subtree holding all its roles.

    Whoever may change the account (an administrator over every unit where it has a role,
    ``access.can_manage_person``) administers that unit, and so reads the entries; an account
    without roles belongs to no unit (the superuser's log).
    """
    paths = list(Membership.objects.filter(person=person).values_list("unit__path", flat=True))
    if not paths:
        return None
    shared = paths[0]
    for path in paths[1:]:
        length = 0
        while length < min(len(shared), len(path)) and shared[length] == path[length]:
            length += 1
        shared = shared[:length]
    shared = shared[: len(shared) - len(shared) % PATH_STEP]
    return Unit.objects.filter(path=shared).first() if shared else None


@transaction.atomic
def person_create(
    *,
    actor,
    username: str,
    full_name: str,
    password: str | None,
    email: str = "",
    phone: str = "",
    position: str = "",
    unit: Unit | None = None,
    role: Role | None = None,
) -> Person:
    """Create an account and, when ``unit`` and ``role`` are given, its first role; audited."""
    _check_unique_login(email=email, phone=phone)
    person = Person(
        username=username.strip(),
        full_name=full_name,
        email=email,
        phone=phone,
        position=position,
    )
    person.refresh_derived_fields()
    if password:
        validate_password(password, person)
        person.set_password(password)
    else:
        person.set_unusable_password()
    person.full_clean(exclude=["password", "sort_key"])
    person.save()
    record(actor=actor, action=Action.CREATE, instance=person, unit=unit)
    if unit is not None and role is not None:
        membership_grant(actor=actor, person=person, unit=unit, role=role)
    return person


@transaction.atomic
def person_update(*, actor, person: Person, unit: Unit | None = None, **changes) -> Person:
    """Change a person's name and contact details; audited with before and after, under
    ``unit`` or else the unit the account's roles share (``account_unit``)."""
    allowed = {"full_name", "email", "phone", "position", "is_active"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"person_update cannot change {sorted(unknown)}")
    _check_unique_login(
        email=changes.get("email", person.email),
        phone=changes.get("phone", person.phone),
        exclude=person.pk,
    )
    before = snapshot(person)
    for field, value in changes.items():
        setattr(person, field, value)
    person.refresh_derived_fields()
    person.full_clean(exclude=["password", "sort_key"])
    person.save()
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=person,
        unit=unit or account_unit(person),
        before=before,
    )
    return person


@transaction.atomic
def membership_grant(*, actor, person: Person, unit: Unit, role: Role) -> Membership:
    """Give ``person`` role ``role`` in ``unit`` (and so its subtree); audited."""
    membership, created = Membership.objects.get_or_create(person=person, unit=unit, role=role)
    if created:
        record(actor=actor, action=Action.CREATE, instance=membership, unit=unit)
    return membership


@transaction.atomic
def membership_revoke(*, actor, membership: Membership) -> None:
    before = snapshot(membership)
    record(
        actor=actor,
        action=Action.DELETE,
        instance=membership,
        unit=membership.unit,
        before=before,
    )
    membership.delete()
