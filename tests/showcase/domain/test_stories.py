"""Stories (showcase/domain/stories.py): drafts, review by a second officer, the publish
date, returning with a reason."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.org.models import Role
from thidua.showcase.domain.selectors import public_stories
from thidua.showcase.domain.stories import (
    story_create,
    story_publish,
    story_return,
    story_save,
    story_submit,
)
from thidua.showcase.enums import StoryState


@pytest.fixture
def officers(tree, make_person):
    return (
        make_person("tacgia", Role.OFFICER, tree.district),
        make_person("nguoiduyet", Role.OFFICER, tree.district),
    )


def draft(author, unit, publish_on=datetime.date(2022, 7, 1)):
    return story_create(
        actor=author, unit=unit, title="Gương sáng", body="Nội dung.", publish_on=publish_on
    )


def test_a_story_is_published_by_a_second_officer_never_by_its_author(officers, tree):
    author, reviewer = officers
    story = story_submit(actor=author, story=draft(author, tree.district))
    assert story.state == StoryState.SUBMITTED
    assert reviewer.notifications.filter(message__contains="Gương sáng").exists()
    with pytest.raises(ValidationError):
        story_publish(actor=author, story=story)
    assert not public_stories().exists()
    story = story_publish(actor=reviewer, story=story)
    assert story.state == StoryState.PUBLISHED
    assert story.reviewed_by == reviewer
    assert list(public_stories()) == [story]
    assert author.notifications.filter(message__contains="Gương sáng").exists()


def test_a_draft_is_not_public_nor_published_without_review(officers, tree):
    author, reviewer = officers
    story = draft(author, tree.district)
    with pytest.raises(ValidationError):
        story_publish(actor=reviewer, story=story)
    assert not public_stories().exists()


def test_returned_with_a_reason_then_edited_and_sent_again(officers, tree):
    author, reviewer = officers
    story = story_submit(actor=author, story=draft(author, tree.district))
    with pytest.raises(ValidationError):
        story_return(actor=reviewer, story=story, reason="  ")
    assert story.__class__.objects.get().state == StoryState.SUBMITTED
    with pytest.raises(ValidationError):  # sent: its author waits
        story_save(actor=author, story=story, version=story.version, fields={"title": "Mới"})
    story = story_return(actor=reviewer, story=story, reason="Thêm ảnh.")
    assert story.return_reason == "Thêm ảnh."
    story = story_save(actor=author, story=story, version=story.version, fields={"title": "Mới"})
    assert story_submit(actor=author, story=story).state == StoryState.SUBMITTED


def test_a_published_story_is_public_from_its_publish_date(officers, tree):
    author, reviewer = officers
    later = timezone.localdate() + datetime.timedelta(days=3)
    story = story_publish(
        actor=reviewer, story=story_submit(actor=author, story=draft(author, tree.district, later))
    )
    assert not public_stories().exists()
    assert list(public_stories(today=later)) == [story]
