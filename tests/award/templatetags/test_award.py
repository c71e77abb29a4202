"""The national award on the model's public page (award/templatetags/award.py): nothing
while the district prepares the dossier, how far it has gone once it has left."""

import datetime

from django.template.loader import render_to_string

from tests.helpers import vietnamese
from thidua.award.domain.nominations import (
    nomination_prepare,
    nomination_send,
    nomination_update,
)


def test_the_public_page_shows_the_nomination_once_it_has_left_the_district(honoured):
    model, _other = honoured
    nomination = nomination_prepare(actor=None, registration=model)
    assert render_to_string("award/_public.html", {"registration": model}).strip() == ""
    nomination_update(actor=None, nomination=nomination, endorsement="Xác nhận.", endorser="")
    nomination.refresh_from_db()
    nomination_send(actor=None, nomination=nomination, on=datetime.date(2022, 6, 1))
    shown = render_to_string("award/_public.html", {"registration": model})
    assert 'data-award="province"' in shown
    assert vietnamese("at the province").capitalize() in shown
