"""The server's side of static/thidua/autosave.js: what an autosave answers."""

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import timezone

from thidua.core.versions import StaleEdit


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


def answer(save: Callable, *, stale: str, current_version: Callable[[], int]) -> JsonResponse:
    """Run ``save()`` (which returns the saved row) and answer the script: saved, or 409
    with ``stale`` when someone saved in between, or 409 with the reason it may not change."""
    try:
        row = save()
    except StaleEdit:
        return refused(message=stale, current_version=current_version())
    except ValidationError as error:
        return refused(message=" ".join(error.messages))
    return saved(version=row.version, updated_at=row.updated_at)


def answer_forms(
    forms: Iterable,
    save: Callable,
    *,
    row,
    stale: str,
    errors: Callable[[], dict] | None = None,
) -> JsonResponse:
    """An edit page's autosave: 400 with the errors when one of ``forms`` is invalid
    (``errors()``, by default the first form's); otherwise `answer` for ``save()``, with the
    version ``row`` is at now when someone saved in between."""
    forms = list(forms)
    if not all(form.is_valid() for form in forms):
        return invalid(errors() if errors is not None else forms[0].errors.get_json_data())
    return answer(
        save,
        stale=stale,
        current_version=lambda: type(row)._default_manager.get(pk=row.pk).version,
    )
