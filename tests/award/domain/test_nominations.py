"""The nomination's way up (award/domain/nominations.py): opened from the council's decision,
sent by the district with its unit's endorsement and a numbered cover letter, endorsed or
returned by the province, returned or decided by the national level; every move a
transition with its audit entry and a step of history, moved once however often it is asked."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.helpers import vietnamese
from thidua.audit.models import Action, AuditEntry
from thidua.award.domain.nominations import (
    holder,
    nomination_decide,
    nomination_endorse,
    nomination_prepare,
    nomination_return,
    nomination_send,
    nomination_update,
)
from thidua.award.enums import NominationState as S
from thidua.award.models import Nomination
from thidua.notify.models import Notification

SENT_ON = datetime.date(2022, 6, 1)


def _refused(call, msgid: str) -> None:
    with pytest.raises(ValidationError) as refused:
        call()
    assert refused.value.messages == [vietnamese(msgid)]


def _ready(model, nomination=None):
    """The dossier opened (unless given) and the unit's endorsement written in."""
    nomination = nomination or nomination_prepare(actor=None, registration=model)
    nomination_update(
        actor=None,
        nomination=nomination,
        endorsement="Hội Nông dân xã Ea Bá xác nhận mô hình đang được áp dụng hiệu quả.",
        endorser="Chủ tịch Hội Nông dân xã Ea Bá, Y Thuê Niê",
    )
    nomination.refresh_from_db()
    return nomination


def test_the_whole_way_up_with_returns_at_each_level(honoured, tree, levels):
    model, _other = honoured
    nomination = nomination_prepare(actor=levels.district, registration=model)
    assert holder(nomination) == tree.district
    _refused(
        lambda: nomination_send(actor=None, nomination=nomination, on=SENT_ON),
        "The dossier needs the unit's endorsement before it is sent.",
    )
    nomination = _ready(model, nomination)
    nomination_send(actor=levels.district, nomination=nomination, on=SENT_ON)
    assert nomination.state == S.AT_PROVINCE
    assert holder(nomination) == tree.province
    number = nomination.letter_number
    assert number is not None
    assert Notification.objects.filter(recipient=levels.province).exists()
    _refused(
        lambda: nomination_update(actor=None, nomination=nomination, endorsement="x", endorser=""),
        "The dossier has been sent: it changes only if it comes back.",
    )
    _refused(
        lambda: nomination_return(actor=levels.province, nomination=nomination, reason=" "),
        "Say why it is returned and what should change.",
    )
    nomination_return(actor=levels.province, nomination=nomination, reason="Bổ sung hình ảnh.")
    assert nomination.state == S.RETURNED
    assert Notification.objects.filter(recipient=levels.district).exists()
    nomination_send(actor=levels.district, nomination=nomination, on=SENT_ON)
    nomination.refresh_from_db()
    assert nomination.letter_number == number  # the cover letter keeps its number
    assert nomination.return_reason == ""
    nomination_endorse(actor=levels.province, nomination=nomination, note="Đồng ý đề nghị.")
    assert holder(nomination) == tree.central
    nomination_return(actor=levels.national, nomination=nomination, reason="Thiếu xác nhận.")
    assert nomination.state == S.AT_PROVINCE  # back to the province, not to the district
    nomination_endorse(actor=levels.province, nomination=nomination)
    nomination_decide(
        actor=levels.national,
        nomination=nomination,
        awarded=True,
        decided_on=datetime.date(2022, 11, 20),
        note="Quyết định số 120-QĐ/HNDTW",
    )
    nomination.refresh_from_db()
    assert nomination.state == S.AWARDED
    assert nomination.outcome_note == "Quyết định số 120-QĐ/HNDTW"
    assert [(s.from_state, s.to_state, s.unit) for s in nomination.steps.all()] == [
        (S.PREPARING, S.AT_PROVINCE, tree.district),
        (S.AT_PROVINCE, S.RETURNED, tree.province),
        (S.RETURNED, S.AT_PROVINCE, tree.district),
        (S.AT_PROVINCE, S.AT_NATIONAL, tree.province),
        (S.AT_NATIONAL, S.AT_PROVINCE, tree.central),
        (S.AT_PROVINCE, S.AT_NATIONAL, tree.province),
        (S.AT_NATIONAL, S.AWARDED, tree.central),
    ]
    moves = AuditEntry.objects.filter(action=Action.TRANSITION, object_id=str(nomination.pk))
    assert moves.filter(content_type__model="nomination").count() == 7


def test_only_a_nominated_entry_gets_a_dossier_and_only_one(honoured):
    model, other = honoured
    _refused(
        lambda: nomination_prepare(actor=None, registration=other),
        "Only an entry its council's decision nominated for the national award has one.",
    )
    nomination_prepare(actor=None, registration=model)
    _refused(
        lambda: nomination_prepare(actor=None, registration=model),
        "The dossier of this entry has already been opened.",
    )
    assert Nomination.objects.count() == 1


def test_each_step_only_from_its_state_and_a_stale_one_moves_nothing(honoured, levels):
    model, _other = honoured
    nomination = _ready(model)
    _refused(
        lambda: nomination_endorse(actor=None, nomination=nomination),
        "Only a dossier at the province is endorsed to the national level.",
    )
    _refused(
        lambda: nomination_decide(
            actor=None, nomination=nomination, awarded=True, decided_on=SENT_ON
        ),
        "The outcome is recorded once the dossier is at the national level.",
    )
    _refused(
        lambda: nomination_return(actor=None, nomination=nomination, reason="x"),
        "Only a dossier that has been sent up can be returned.",
    )
    stale = Nomination.objects.get(pk=nomination.pk)
    nomination_send(actor=None, nomination=nomination, on=SENT_ON)
    nomination_endorse(actor=None, nomination=Nomination.objects.get(pk=nomination.pk))
    # A second click on the province's page, with the page's old state: refused, nothing moves.
    stale.state = S.AT_PROVINCE
    _refused(
        lambda: nomination_endorse(actor=None, nomination=stale),
        "Someone else has just moved this nomination: reload the page.",
    )
    assert nomination.steps.count() == 2
    _refused(
        lambda: nomination_decide(
            actor=None,
            nomination=Nomination.objects.get(pk=nomination.pk),
            awarded=False,
            decided_on=datetime.date(2022, 1, 1),
        ),
        "The outcome cannot come before the dossier was sent.",
    )
