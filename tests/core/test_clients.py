"""Who is asking (core/clients.py): the one rule for a client's network address, which the
login throttle, password resets and the idea box's limit all count by."""

import time

import pytest
from django.test import RequestFactory
from django.urls import reverse

from thidua.core.clients import client_address
from thidua.initiatives.domain.ideas import sender_key
from thidua.initiatives.models import Idea
from thidua.initiatives.views.ideas import form_token

BEHIND_NGINX = ("HTTP_X_FORWARDED_PROTO", "https")


def request(forwarded=None, remote="10.0.0.2"):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_a_proxy_the_header_a_client_sends_is_ignored(settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    assert client_address(request("203.0.113.7")) == "10.0.0.2"


def test_behind_nginx_the_address_nginx_appended_counts(settings):
    settings.SECURE_PROXY_SSL_HEADER = BEHIND_NGINX
    # The entries before nginx's are whatever the client chose to send.
    assert client_address(request("1.1.1.1, 203.0.113.7")) == "203.0.113.7"
    assert client_address(request("2001:db8::1")) == "2001:db8::1"


@pytest.mark.parametrize("forwarded", ["", "1.1.1.1, ", "unknown", "1.1.1.1, <script>"])
def test_behind_nginx_a_header_without_an_address_falls_back_to_the_connection(settings, forwarded):
    settings.SECURE_PROXY_SSL_HEADER = BEHIND_NGINX
    assert client_address(request(forwarded)) == "10.0.0.2"


def test_no_request_no_address():
    assert client_address(None) == ""


def post_idea(client, unit, forwarded):
    return client.post(
        reverse("initiatives:idea_new", args=[unit.pk]),
        {
            "name": "Y Blúp",
            "phone": "0912 345 678",
            "idea": "Làm sân phơi chung cho buôn.",
            "website": "",
            "started": form_token(time.time() - 60),
        },
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_the_idea_box_counts_ideas_by_the_same_address(client, tree, settings):
    """The idea box uses this rule, not a copy of its own: two spoofed first entries from
    one connection are one sender, and a header without an address is the connection."""
    settings.SECURE_PROXY_SSL_HEADER = BEHIND_NGINX
    post_idea(client, tree.commune_a, "1.1.1.1, 203.0.113.7")
    post_idea(client, tree.commune_b, "2.2.2.2, 203.0.113.7")
    post_idea(client, tree.commune_a, "unknown")
    keys = list(Idea.objects.order_by("pk").values_list("sender_key", flat=True))
    assert keys == [sender_key("203.0.113.7")] * 2 + [sender_key("127.0.0.1")]
