"""Publishing honoured models (showcase/domain/publications.py): only what a decided council
honoured, by the unit whose plan it answered; withdrawing; the example of the month."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.helpers import unanimous
from thidua.audit.models import AuditEntry
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.domain.decisions import proposal_set
from thidua.review.enums import CouncilState, Outcome
from thidua.showcase.domain.publications import (
    highlight_choose,
    publication_publish,
    publication_withdraw,
)
from thidua.showcase.domain.selectors import published
from thidua.showcase.enums import PublicationState, Sector
from thidua.showcase.models import Publication


@pytest.fixture
def decided(council, entry):
    """Two entries: one commended, one not honoured, by a council that has decided."""
    commended, refused = entry(name="Mô hình nuôi dê"), entry(name="Mô hình thử")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    proposal_set(actor=None, council=council, registration=commended, outcome=Outcome.COMMENDED)
    proposal_set(actor=None, council=council, registration=refused, outcome=Outcome.NONE)
    return commended, refused


def test_only_an_entry_the_council_honoured_is_published(council, decided):
    commended, refused = decided
    with pytest.raises(ValidationError):  # the council has not voted yet
        publication_publish(actor=None, registration=commended, sector=Sector.LIVESTOCK)
    unanimous(council, datetime.date(2022, 6, 1))
    with pytest.raises(ValidationError):
        publication_publish(actor=None, registration=refused, sector=Sector.LIVESTOCK)
    publication = publication_publish(actor=None, registration=commended, sector=Sector.LIVESTOCK)
    assert publication.outcome == Outcome.COMMENDED
    assert publication.decided_on == datetime.date(2022, 6, 1)
    assert list(published()) == [publication]
    assert Publication.objects.count() == 1


def test_a_bad_sector_is_refused_and_changes_nothing(council, decided):
    unanimous(council)
    with pytest.raises(ValidationError):
        publication_publish(actor=None, registration=decided[0], sector="mining")
    assert not Publication.objects.exists()


def test_withdrawn_and_published_again_is_audited_each_time(council, decided):
    unanimous(council)
    publication = publication_publish(actor=None, registration=decided[0], sector=Sector.CROPS)
    publication_withdraw(actor=None, publication=publication)
    assert publication.state == PublicationState.WITHDRAWN
    assert not published().exists()
    publication_publish(actor=None, registration=decided[0], sector=Sector.LIVESTOCK)
    assert published().get().sector == Sector.LIVESTOCK
    assert AuditEntry.objects.filter(content_type__model="publication").count() == 3


def test_the_example_of_the_month_is_one_per_unit_and_month(council, decided, tree):
    unanimous(council)
    publication = publication_publish(actor=None, registration=decided[0], sector=Sector.CROPS)
    first = highlight_choose(
        actor=None, unit=tree.district, month=datetime.date(2026, 11, 17), publication=publication
    )
    again = highlight_choose(
        actor=None,
        unit=tree.district,
        month=datetime.date(2026, 11, 2),
        publication=publication,
        note="Lý do.",
    )
    assert first.pk == again.pk
    assert again.month == datetime.date(2026, 11, 1)
    with pytest.raises(ValidationError):  # not a model of the other district
        highlight_choose(
            actor=None,
            unit=tree.other_district,
            month=datetime.date(2026, 11, 1),
            publication=publication,
        )
    publication_withdraw(actor=None, publication=publication)
    with pytest.raises(ValidationError):
        highlight_choose(
            actor=None,
            unit=tree.district,
            month=datetime.date(2026, 12, 1),
            publication=publication,
        )
