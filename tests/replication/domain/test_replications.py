"""Recording replications (replication/domain/replications.py): only an honoured model, by
a commune other than its own, with its own branches, once; results later, stopping with a
reason; every change audited."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from tests.helpers import vietnamese
from thidua.audit.models import Action, AuditEntry
from thidua.notify.models import Notification
from thidua.replication.domain.replications import (
    recognised_on,
    replication_adopt,
    replication_report,
)
from thidua.replication.enums import ReplicationState
from thidua.replication.models import Replication

START = datetime.date(2022, 9, 1)


def _log(replication):
    kind = ContentType.objects.get_for_model(Replication)
    return AuditEntry.objects.filter(content_type=kind, object_id=str(replication.pk)).order_by(
        "pk"
    )


def _refused(call, msgid: str, **values) -> None:
    """``call()`` is refused with the message ``msgid`` (as the catalogue says it)."""
    with pytest.raises(ValidationError) as refused:
        call()
    assert refused.value.messages == [vietnamese(msgid) % values if values else vietnamese(msgid)]


def _adopt(registration, unit, **changes):
    fields = {"started_on": START, "households": 12, "scale": "5 ha"} | changes
    return replication_adopt(actor=None, registration=registration, unit=unit, **fields)


def test_a_commune_replicates_an_honoured_model_and_the_district_is_told(
    honoured, tree, make_person
):
    model, _other = honoured
    office = make_person("vanphong", "officer", tree.district)
    replication = _adopt(
        model, tree.commune_b, branches=[tree.branch_b], adjustments="Giống sắn KM94"
    )
    assert recognised_on(model) == datetime.date(2022, 5, 20)
    assert replication.state == ReplicationState.ADOPTED
    assert list(replication.branches.all()) == [tree.branch_b]
    entry = _log(replication).get(action=Action.CREATE)
    assert entry.after["households"] == 12
    assert entry.after["branches"] == [tree.branch_b.pk]
    assert Notification.objects.filter(recipient=office, message__contains="Ea Ly").exists()


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("not honoured", "Only a model that a council's decision honoured is replicated."),
        ("own unit", "A unit does not replicate its own model."),
        ("district", "A model is replicated by a commune-level unit."),
        ("other branch", "The branches must be the unit's own."),
        ("future", "The date cannot be in the future."),
        ("no household", "At least one household takes part."),
        ("twice", "%(unit)s has already recorded that it replicates this model."),
    ],
)
def test_a_wrong_replication_is_refused_with_its_reason_and_nothing_is_kept(
    honoured, tree, case, message
):
    model, other = honoured
    if case == "twice":
        _adopt(model, tree.commune_b)
    calls = {
        "not honoured": lambda: _adopt(other, tree.commune_a),
        "own unit": lambda: _adopt(model, tree.commune_a),
        "district": lambda: _adopt(model, tree.district),
        "other branch": lambda: _adopt(model, tree.commune_b, branches=[tree.branch_a]),
        "future": lambda: _adopt(model, tree.commune_b, started_on=datetime.date(2099, 1, 1)),
        "no household": lambda: _adopt(model, tree.commune_b, households=0),
        "twice": lambda: _adopt(model, tree.commune_b),
    }
    before = Replication.objects.count()
    values = {"unit": tree.commune_b.full_name} if case == "twice" else {}
    _refused(calls[case], message, **values)
    assert Replication.objects.count() == before


def test_results_then_stopping_change_the_state_through_the_audited_transition(honoured, tree):
    model, _other = honoured
    replication = _adopt(model, tree.commune_b)
    _refused(
        lambda: replication_report(
            actor=None, replication=replication, results="x", results_on=datetime.date(2022, 1, 1)
        ),
        "The results cannot come before the model was applied.",
    )
    replication_report(
        actor=None,
        replication=replication,
        results="Năng suất 32 tấn/ha, thu nhập tăng 20%",
        results_on=datetime.date(2023, 5, 1),
        households=18,
    )
    replication.refresh_from_db()
    assert replication.state == ReplicationState.EFFECTIVE
    assert replication.results_households == 18
    # Recorded again while it goes on: same state, an update in the log.
    replication_report(
        actor=None,
        replication=replication,
        results="Năng suất 35 tấn/ha",
        results_on=datetime.date(2023, 10, 1),
        households=25,
    )
    _refused(
        lambda: replication_report(
            actor=None,
            replication=replication,
            results="",
            results_on=datetime.date(2024, 1, 1),
            stopped=True,
        ),
        "Say why it stopped.",
    )
    replication_report(
        actor=None,
        replication=replication,
        results="",
        results_on=datetime.date(2024, 1, 1),
        stopped=True,
        stop_reason="Giá sắn xuống thấp",
    )
    replication.refresh_from_db()
    assert replication.state == ReplicationState.STOPPED
    log = _log(replication)
    assert [e.action for e in log] == [
        Action.CREATE,
        Action.TRANSITION,
        Action.UPDATE,
        Action.TRANSITION,
    ]
    assert log.last().after["state"] == ReplicationState.STOPPED
