"""The interface language: Vietnamese unless the user chose another."""

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
