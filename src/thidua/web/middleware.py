"""The interface language (Vietnamese unless the user chose another) and the security headers."""

from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """Like Django's LocaleMiddleware, but the browser's language is not a choice.

    Many phones in Vietnam run in English; officers still expect the Vietnamese
    interface unless they switch it themselves (the footer's form sets a cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            # Threads serve many requests: the next one (or a background job) must not
            # inherit this user's language.
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response


# Every script, style, image and connection comes from the site itself; no page has an inline
# script, event handler or style attribute (tests/web/test_middleware.py keeps it so), so
# none is allowed, and an injected one would not run.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
# Features no page uses: a page (or anything injected into one) may not ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and the Permissions-Policy to every response.

    Django's own debugging pages (DEBUG on, a 404 or 500) carry inline scripts and styles:
    they are left without the policy so that a developer can read them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not (settings.DEBUG and response.status_code in (404, 500)):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
