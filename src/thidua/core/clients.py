"""Who is asking: the network address of a request's client, the one rule the login
throttle, password resets and the idea box's limit count by."""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The client's address; behind nginx (BEHIND_PROXY), the one nginx appended to
    X-Forwarded-For: the entries before it are whatever the client chose to send. A last
    entry that is not an address (a misconfigured proxy) counts as the connection's."""
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not (getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded):
        return remote
    last = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return remote
