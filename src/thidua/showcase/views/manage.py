"""The offices' side of publicity: publishing honoured models, choosing the example of the
month, writing stories and reviewing a colleague's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.actions import act, add_upload, form_page
from thidua.core.forms import PhotoForm
from thidua.core.once import single_use
from thidua.initiatives.models import Registration
from thidua.org import access
from thidua.org.models import Unit, UnitLevel
from thidua.plans.models import Plan
from thidua.showcase import forms
from thidua.showcase.domain.publications import (
    highlight_choose,
    honours,
    publication_publish,
    publication_withdraw,
)
from thidua.showcase.domain.stories import (
    EDITABLE,
    FIELDS,
    story_create,
    story_photo_add,
    story_publish,
    story_return,
    story_save,
    story_submit,
)
from thidua.showcase.enums import PublicationState, StoryState
from thidua.showcase.models import Highlight, Publication, Story

STORY_LEVELS = (UnitLevel.PROVINCE, UnitLevel.DISTRICT)  # who writes stories (the issue)


@login_required
def publicity(request):
    """Where the person may publish: the units of their roles (issuing units for a
    superuser)."""
    if request.user.is_superuser:
        units = Unit.objects.filter(pk__in=Plan.objects.values("unit_id"))
    else:
        units = Unit.objects.filter(path__in=access.paths_for(request.user, "showcase.publish"))
    if not units.exists():
        raise PermissionDenied
    return render(request, "showcase/publicity.html", {"units": units.order_by("sort_key")})


def _unit(request, pk, action="showcase.publish") -> Unit:
    return access.get_unit(request.user, action, pk)


def _publications(unit: Unit):
    return Publication.objects.filter(
        state=PublicationState.PUBLISHED, registration__unit__path__startswith=unit.path
    ).select_related("registration")


@login_required
def manage(request, unit_pk):
    unit = _unit(request, unit_pk)
    honoured = honours(Registration.objects.filter(plan__unit=unit)).select_related(
        "registration__publication", "registration__plan"
    )
    published = list(_publications(unit))
    return render(
        request,
        "showcase/manage.html",
        {
            "unit": unit,
            "honoured": honoured.order_by("registration__unit__sort_key", "registration_id"),
            "publish_form": forms.PublishForm(),
            "highlight_form": forms.HighlightForm(publications=published) if published else None,
            "highlights": Highlight.objects.filter(unit=unit).select_related(
                "publication__registration"
            )[:12],
            "stories": Story.objects.filter(unit=unit).select_related("author"),
            "writes_stories": unit.level in STORY_LEVELS,
            "PublicationState": PublicationState,
        },
    )


@login_required
@require_POST
def publish(request, unit_pk, registration_pk):
    unit = _unit(request, unit_pk)
    registration = get_object_or_404(Registration, pk=registration_pk, plan__unit=unit)
    form = forms.PublishForm(request.POST)
    sector = form.cleaned_data["sector"] if form.is_valid() else ""
    act(
        request,
        lambda: publication_publish(actor=request.user, registration=registration, sector=sector),
        done=_("Published on the showcase."),
        refused=_("Not published: "),
    )
    return redirect("showcase:manage", unit_pk=unit.pk)


@login_required
@require_POST
def withdraw(request, pk):
    publication = get_object_or_404(Publication.objects.select_related("registration__plan"), pk=pk)
    unit = publication.registration.plan.unit
    access.require(request.user, "showcase.publish", unit)
    act(
        request,
        lambda: publication_withdraw(actor=request.user, publication=publication),
        done=_("Taken off the showcase."),
    )
    return redirect("showcase:manage", unit_pk=unit.pk)


@login_required
@require_POST
def highlight(request, unit_pk):
    unit = _unit(request, unit_pk)
    publications = {p.pk: p for p in _publications(unit)}
    form = forms.HighlightForm(request.POST, publications=publications.values())
    if form.is_valid():
        data = form.cleaned_data
        act(
            request,
            lambda: highlight_choose(
                actor=request.user,
                unit=unit,
                month=data["month"],
                publication=publications[data["publication"]],
                note=data["note"],
            ),
            done=_("The example of the month was chosen."),
        )
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("showcase:manage", unit_pk=unit.pk)


@login_required
@single_use
def story_new(request, unit_pk):
    unit = _unit(request, unit_pk, "story.write")
    if unit.level not in STORY_LEVELS:
        raise PermissionDenied
    form = forms.StoryForm(request.POST or None, publications=_publications(unit))
    return form_page(
        request,
        form,
        lambda: story_create(
            actor=request.user,
            unit=unit,
            model_ids=form.cleaned_data["models_linked"],
            **_story_fields(form.cleaned_data),
        ),
        done=_("The story was saved as a draft."),
        onward=lambda story: reverse("showcase:story_edit", args=[story.pk]),
        template="showcase/story_form.html",
        context={"unit": unit},
    )


def _story_fields(data: dict) -> dict:
    return {name: data[name] for name in FIELDS}


def _story(request, pk) -> Story:
    story = get_object_or_404(Story.objects.select_related("unit", "author", "reviewed_by"), pk=pk)
    access.require(request.user, "story.write", story.unit)
    return story


def _edit_form(story, data=None):
    initial = {name: getattr(story, name) for name in (*FIELDS, "version")}
    initial["models_linked"] = list(story.models_linked.values_list("pk", flat=True))
    return forms.StoryEditForm(data, initial=initial, publications=_publications(story.unit))


@login_required
def story_edit(request, pk):
    story = _story(request, pk)
    editable = story.state in EDITABLE
    context = {
        "story": story,
        "photo_form": PhotoForm() if editable else None,
        "return_form": forms.ReturnForm(),
        "reviewer": story.author_id != request.user.pk
        and access.can(request.user, "story.review", story.unit),
        "StoryState": StoryState,
    }
    if not editable:  # sent for review or published: shown, not changed here
        return render(request, "showcase/story_edit.html", {**context, "form": None})
    form = _edit_form(story, request.POST or None)
    return form_page(
        request,
        form,
        lambda: story_save(
            actor=request.user,
            story=story,
            version=form.cleaned_data["version"],
            fields=_story_fields(form.cleaned_data),
            model_ids=form.cleaned_data["models_linked"],
        ),
        done=_("The story was saved."),
        onward=reverse("showcase:story_edit", args=[story.pk]),
        template="showcase/story_edit.html",
        context=context,
        stale=_("Someone else saved this story meanwhile: reload it and write again."),
    )


@login_required
@require_POST
def story_action(request, pk, action):
    story = _story(request, pk)
    if action == "submit":
        act(
            request,
            lambda: story_submit(actor=request.user, story=story),
            done=_("The story was sent for review to a second officer."),
        )
    else:
        access.require(request.user, "story.review", story.unit)
        if action == "publish":
            act(
                request,
                lambda: story_publish(actor=request.user, story=story),
                done=_("The story was published."),
            )
        else:
            form = forms.ReturnForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            act(
                request,
                lambda: story_return(actor=request.user, story=story, reason=reason),
                done=_("The story was returned to its author."),
            )
    return redirect("showcase:story_edit", pk=story.pk)


@login_required
@require_POST
@single_use
def story_photo(request, pk):
    story = _story(request, pk)
    add_upload(
        request,
        PhotoForm(request.POST, request.FILES),
        lambda data: story_photo_add(
            actor=request.user, story=story, upload=data["photo"], title=data["title"]
        ),
        done=_("The photo was added."),
    )
    return redirect(reverse("showcase:story_edit", args=[story.pk]))
