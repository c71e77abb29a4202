"""Stories ("Gương người Việt đoàn kết, sáng tạo"): written by an officer of a district or
province, sent for review, published by a second officer (never by their author) on their
publish date, or returned with a reason. Every change is audited."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.audit.edits import add_file, save_over_version
from thidua.audit.log import person_of, record
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.notify.send import notify, office_of
from thidua.org.models import Unit
from thidua.showcase.enums import PublicationState, StoryState
from thidua.showcase.models import Publication, Story, StoryPhoto

EDITABLE = (StoryState.DRAFT, StoryState.RETURNED)
FIELDS = {"title", "summary", "body", "publish_on"}


def _linkable(unit: Unit, ids) -> list[Publication]:
    """The published models of the unit's subtree among ``ids``."""
    return list(
        Publication.objects.filter(
            pk__in=list(ids or ()),
            state=PublicationState.PUBLISHED,
            registration__unit__path__startswith=unit.path,
        )
    )


@transaction.atomic
def story_create(
    *,
    actor,
    unit: Unit,
    title: str,
    body: str,
    publish_on: datetime.date,
    summary: str = "",
    model_ids=(),
) -> Story:
    if not title.strip() or not body.strip():
        raise ValidationError(_("A story needs a title and a text."))
    story = Story.objects.create(
        unit=unit,
        title=title,
        summary=summary,
        body=body,
        publish_on=publish_on,
        author=person_of(actor),
    )
    story.models_linked.set(_linkable(unit, model_ids))
    record(actor=actor, action=Action.CREATE, instance=story, unit=unit)
    return story


@transaction.atomic
def story_save(*, actor, story: Story, version: int, fields: dict, model_ids=None) -> Story:
    """Save a draft or a returned story over the version the writer saw (StaleEdit
    otherwise); refused once sent for review."""
    save_over_version(
        actor=actor,
        instance=story,
        version=version,
        fields=fields,
        allowed=FIELDS,
        editable=EDITABLE,
        refused=_("This story was sent for review and can no longer be changed."),
        unit=story.unit,
    )
    if model_ids is not None:
        story.models_linked.set(_linkable(story.unit, model_ids))
    return story


@transaction.atomic
def story_submit(*, actor, story: Story) -> Story:
    """Send the story to a second officer of its unit."""
    if story.state == StoryState.SUBMITTED:
        return story
    if story.state not in EDITABLE:
        raise ValidationError(_("This story was already published."))
    if transition(
        actor=actor,
        instance=story,
        to=StoryState.SUBMITTED,
        unit=story.unit,
        changes={"version": F("version") + 1},
    ):
        notify(
            people=[p for p in office_of(story.unit) if p.pk != getattr(actor, "pk", None)],
            message=_("A story waits for your review: %(title)s") % {"title": story.title},
            url=reverse("showcase:story_edit", args=[story.pk]),
        )
    return Story.objects.get(pk=story.pk)


def _check_reviewer(actor, story: Story) -> None:
    if story.author_id is not None and story.author_id == getattr(actor, "pk", None):
        raise ValidationError(_("A second officer reviews a story, not its author."))
    if story.state != StoryState.SUBMITTED:
        raise ValidationError(_("Only a story sent for review can be published or returned."))


@transaction.atomic
def story_publish(*, actor, story: Story) -> Story:
    """Publish a story sent for review: it is public from its publish date."""
    story = Story.objects.select_for_update().get(pk=story.pk)
    if story.state == StoryState.PUBLISHED:
        return story
    _check_reviewer(actor, story)
    transition(
        actor=actor,
        instance=story,
        to=StoryState.PUBLISHED,
        unit=story.unit,
        changes={"reviewed_by": person_of(actor), "version": F("version") + 1},
    )
    if story.author_id:
        notify(
            people=[story.author],
            message=_("Your story was published: %(title)s") % {"title": story.title},
            url=reverse("showcase:story", args=[story.pk]),
        )
    return Story.objects.get(pk=story.pk)


@transaction.atomic
def story_return(*, actor, story: Story, reason: str) -> Story:
    story = Story.objects.select_for_update().get(pk=story.pk)
    _check_reviewer(actor, story)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the story is returned.")})
    transition(
        actor=actor,
        instance=story,
        to=StoryState.RETURNED,
        unit=story.unit,
        changes={
            "return_reason": reason.strip(),
            "reviewed_by": person_of(actor),
            "version": F("version") + 1,
        },
        after={"reason": reason.strip()},
    )
    if story.author_id:
        notify(
            people=[story.author],
            message=_("Your story was returned: %(reason)s") % {"reason": reason.strip()},
            url=reverse("showcase:story_edit", args=[story.pk]),
        )
    return Story.objects.get(pk=story.pk)


@transaction.atomic
def story_photo_add(*, actor, story: Story, upload, title: str) -> StoryPhoto:
    """Add a photo (re-encoded: no location survives) to a story that may still change."""
    if story.state not in EDITABLE:
        raise ValidationError(_("This story was sent for review and can no longer be changed."))
    photo = StoryPhoto(story=story, title=title[:200])
    return add_file(actor=actor, row=photo, upload=upload, unit=story.unit, photo=True)
