"""A registration is checked when it is sent (and sent again after a return).

A signal, not a call from ``registration_submit``: ``initiatives`` sits below ``novelty``
(docs/architecture.md). Sending goes through ``audit/transitions.transition``, which tells
``rows_changed``; a registration saved straight into a sent state (a paper form the office
enters) is seen by ``post_save``. The check is written in the same transaction.
"""

from django.db.models.signals import post_save

from thidua.core.signals import rows_changed
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.models import Registration
from thidua.novelty.domain.checks import registration_check


def _rows_changed(sender, pks, **kwargs):
    if sender is not Registration:
        return
    sent = Registration.objects.filter(pk__in=pks, state=RegistrationState.SUBMITTED)
    for registration in sent.select_related("unit"):
        registration_check(registration=registration)


def _saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.state == RegistrationState.SUBMITTED:
        registration_check(registration=instance)


rows_changed.connect(_rows_changed, dispatch_uid="novelty-rows-changed")
post_save.connect(_saved, sender=Registration, dispatch_uid="novelty-registration-saved")
