"""Pages for units and people. Every view asks ``thidua.org.access`` first."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.actions import form_page
from thidua.core.lookups import folded_words
from thidua.core.once import single_use
from thidua.jobs.tasks import job_start
from thidua.org import access, forms
from thidua.org.domain.people import (
    membership_grant,
    membership_revoke,
    person_create,
    person_update,
)
from thidua.org.domain.units import lineage, unit_create, unit_update
from thidua.org.importing import ImportFileError, read_rows
from thidua.org.jobs import import_title, import_units_job
from thidua.org.models import Membership, Person, normalise_phone

PAGE_SIZE = 50


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
def unit_list(request):
    form = forms.UnitFilterForm(request.GET or None)
    units = access.units(request.user).select_related("parent")
    if form.is_valid():
        units = _filter_units(units, form.cleaned_data)
    # Level by level; within a level grouped under their parent, then by name.
    units = units.order_by("level", "parent__sort_key", "parent_id", "sort_key", "id")
    return render(request, "org/unit_list.html", {"form": form, "page": _page(request, units)})


def _filter_units(units, filters):
    today = timezone.localdate()
    if filters["q"]:
        query = filters["q"].strip()
        units = units.filter(folded_words("search_name", query) | Q(code=query))
    if filters["level"] is not None:
        units = units.filter(level=filters["level"])
    if filters["status"] == "current":
        units = units.active_on(today)
    elif filters["status"] == "former":
        units = units.filter(valid_to__lt=today)
    return units


@login_required
def unit_detail(request, pk):
    unit = access.get_unit(request.user, "unit.view", pk)
    children = unit.children.order_by("sort_key", "id")
    came_from, went_to = lineage(unit)
    # Units before and after a reorganisation: named to all, linked for those who may open them.
    for link in came_from:
        link.readable = access.can(request.user, "unit.view", link.predecessor)
    for link in went_to:
        link.readable = access.can(request.user, "unit.view", link.successor)
    memberships = (
        unit.memberships.select_related("person").order_by("person__sort_key", "role")
        if access.can(request.user, "person.view", unit)
        else Membership.objects.none()
    )
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "ancestors": [a for a in unit.ancestors() if access.can(request.user, "unit.view", a)],
            "page": _page(request, children),
            "came_from": came_from,
            "went_to": went_to,
            "memberships": memberships,
            "can_manage": access.can(request.user, "unit.manage", unit),
            "can_edit": access.can_change_unit(request.user, unit),
            "can_plan": access.can(request.user, "plan.edit", unit),
            "can_number": access.can(request.user, "plan.issue", unit),
            "has_idea_box": unit.level == 3 and access.can(request.user, "idea.view", unit),
            "can_manage_people": access.can(request.user, "person.manage", unit),
            "today": timezone.localdate(),
        },
    )


@login_required
@single_use
def unit_create_child(request, pk):
    parent = access.get_unit(request.user, "unit.manage", pk)
    form = forms.UnitForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: unit_create(actor=request.user, parent=parent, **form.cleaned_data),
        done=lambda child: _("%(unit)s was created.") % {"unit": child.full_name},
        onward=reverse("org:unit_detail", args=[parent.pk]),
        template="org/unit_form.html",
        context={"parent": parent},
    )


@login_required
def unit_edit(request, pk):
    unit = access.get_unit(request.user, "unit.view", pk)
    if not access.can_change_unit(request.user, unit):
        raise PermissionDenied
    initial = {f: getattr(unit, f) for f in ("name", "code", "valid_from", "valid_to")}
    form = forms.UnitEditForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: unit_update(actor=request.user, unit=unit, **form.cleaned_data),
        done=lambda _saved: _("%(unit)s was saved.") % {"unit": unit.full_name},
        onward=reverse("org:unit_detail", args=[unit.pk]),
        template="org/unit_edit.html",
        context={"unit": unit},
    )


@login_required
@single_use
def unit_import(request, pk):
    """The file is checked as a whole here and imported by a background job, whose page
    then says what was imported or which rows were wrong (org/jobs.py)."""
    target = access.get_unit(request.user, "unit.manage", pk)
    form = forms.UnitImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            read_rows(upload.read(), upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            upload.seek(0)
            job = job_start(
                actor=request.user,
                kind=import_units_job,
                title=import_title(target),
                params={"target": target.pk},
                back_url=reverse("org:unit_import", args=[target.pk]),  # to try again
                upload=upload,
            )
            return redirect("jobs:job_detail", pk=job.pk)
    return render(request, "org/unit_import.html", {"form": form, "target": target})


@login_required
def person_list(request):
    if not access.can_anywhere(request.user, "person.view"):
        raise Http404
    form = forms.PersonSearchForm(request.GET or None)
    visible_memberships = access.scoped(
        Membership.objects.select_related("unit"), request.user, "person.view"
    ).order_by("unit__level", "unit__sort_key")
    people = Person.objects.filter(
        access.scope_filter(request.user, "person.view", "memberships__unit")
    )
    if form.is_valid() and form.cleaned_data["q"]:
        people = _search_people(people, form.cleaned_data["q"])
    people = (
        people.distinct()
        .order_by("sort_key", "id")
        .prefetch_related(Prefetch("memberships", queryset=visible_memberships))
    )
    return render(request, "org/person_list.html", {"form": form, "page": _page(request, people)})


def _person_in_scope(request, pk) -> Person:
    return get_object_or_404(
        Person.objects.filter(access.scope_filter(request.user, "person.view", "memberships__unit"))
        .distinct()
        .prefetch_related("memberships__unit"),
        pk=pk,
    )


@login_required
def person_detail(request, pk):
    person = _person_in_scope(request, pk)
    visible = [
        m for m in person.memberships.all() if access.can(request.user, "person.view", m.unit)
    ]
    return render(
        request,
        "org/person_detail.html",
        {
            "person": person,
            "memberships": sorted(visible, key=lambda m: (m.unit.level, m.unit.sort_key)),
            "can_manage": access.can_manage_person(request.user, person),
        },
    )


@login_required
def person_edit(request, pk):
    person = _person_in_scope(request, pk)
    if not access.can_manage_person(request.user, person):
        raise PermissionDenied
    fields = ("full_name", "email", "phone", "position", "is_active")
    form = forms.PersonEditForm(
        request.POST or None, initial={f: getattr(person, f) for f in fields}
    )
    return form_page(
        request,
        form,
        lambda: person_update(actor=request.user, person=person, **form.cleaned_data),
        done=_("The account was saved."),
        onward=reverse("org:person_detail", args=[person.pk]),
        template="org/person_edit.html",
        context={"person": person},
    )


def _search_people(people, query):
    query = query.strip()
    condition = (
        folded_words("search_name", query) | Q(username__icontains=query) | Q(email__iexact=query)
    )
    phone = normalise_phone(query)
    if len(phone) >= 4:
        condition |= Q(phone__contains=phone)
    return people.filter(condition)


@login_required
@single_use
def unit_person_create(request, pk):
    unit = access.get_unit(request.user, "person.manage", pk)
    form = forms.PersonCreateForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: person_create(actor=request.user, unit=unit, **form.cleaned_data),
        done=lambda person: (
            _("The account %(username)s was created with the role %(role)s.")
            % {
                "username": person.username,
                "role": dict(forms.Role.choices)[form.cleaned_data["role"]],
            }
        ),
        onward=reverse("org:unit_detail", args=[unit.pk]),
        template="org/person_form.html",
        context={"unit": unit},
    )


@login_required
@single_use
def unit_membership_add(request, pk):
    unit = access.get_unit(request.user, "person.manage", pk)
    form = forms.MembershipAddForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: _grant(request.user, unit, form.cleaned_data),
        done=_("The role was granted."),
        onward=reverse("org:unit_detail", args=[unit.pk]),
        template="org/membership_form.html",
        context={"unit": unit},
    )


def _grant(user, unit, data) -> Membership:
    person = _find_person(_grantable_people(user), data["login"])
    if person is None:
        # The same words whether the account is unknown or outside the user's units: a
        # district must not learn who has an account elsewhere, nor reach them.
        raise ValidationError(
            {
                "login": _(
                    "No account in your units has this username, e-mail or phone number. "
                    "For someone new, create an account for them in this unit."
                )
            }
        )
    return membership_grant(actor=user, person=person, unit=unit, role=data["role"])


@login_required
@require_POST
def membership_delete(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("unit", "person"), pk=pk)
    access.require(request.user, "person.manage", membership.unit)
    if membership.person_id == request.user.pk and not request.user.is_superuser:
        messages.error(request, _("You cannot remove your own role."))
    else:
        membership_revoke(actor=request.user, membership=membership)
        messages.success(request, _("The role was removed."))
    return redirect("org:unit_detail", pk=membership.unit_id)


def _grantable_people(user):
    """The accounts ``user`` may give a role to: those with a role in the units they
    administer (all of them for the superuser). Anyone else is reached by creating an account."""
    return Person.objects.filter(access.scope_filter(user, "person.manage", "memberships__unit"))


def _find_person(people, login: str) -> Person | None:
    login = login.strip()
    condition = Q(username__iexact=login) | Q(email__iexact=login)
    phone = normalise_phone(login)
    if len(phone) >= 9:
        condition |= Q(phone=phone)
    matches = list(people.filter(condition).distinct()[:2])
    return matches[0] if len(matches) == 1 else None


class PasswordResetView(auth_views.PasswordResetView):
    """Django's page, with a form that limits requests by address (it needs the request)."""

    form_class = forms.PasswordResetRequestForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
