"""The server's side of static/thidua/autosave.js: what an autosave answers."""

from django.http import JsonResponse
from django.utils import timezone


def saved(*, version: int, updated_at) -> JsonResponse:
    at = timezone.localtime(updated_at)
    return JsonResponse(
        {"version": version, "saved_at": at.isoformat(), "saved_at_display": at.strftime("%H:%M")}
    )


def refused(*, message: str, current_version: int | None = None) -> JsonResponse:
    """409: someone saved in between, or the object may no longer change. The script keeps
    the typed text on the device and shows ``message``."""
    body = {"message": str(message)}
    if current_version is not None:
        body["current_version"] = current_version
    return JsonResponse(body, status=409)


def invalid(errors: dict) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=400)
