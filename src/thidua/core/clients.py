"""Who is asking: the network address of a request's client."""

from django.conf import settings


def client_address(request) -> str:
    """The client's address; behind nginx (BEHIND_PROXY), the one nginx appended to
    X-Forwarded-For: the entries before it are whatever the client chose to send."""
    if request is None:
        return ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
