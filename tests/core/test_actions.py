"""What a page's button and form do around its domain call (core/actions.py)."""

import pytest
from django import forms
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.core import actions
from thidua.core.actions import act_on_form
from thidua.core.versions import StaleEdit


class NameForm(forms.Form):
    name = forms.CharField()


def refuse(error):
    def change():
        raise error

    return change


@pytest.mark.parametrize(
    ("error", "on_field", "above"),
    [
        (ValidationError("Không được."), [], ["Không được."]),
        (ValidationError({"name": "Tên trùng."}), ["Tên trùng."], []),
        # A reason about a field the form does not show goes above it (no error page).
        (ValidationError({"valid_to": "Ngày sai."}), [], ["Ngày sai."]),
        (
            ValidationError({"name": "Tên trùng.", "__all__": "Không được."}),
            ["Tên trùng."],
            ["Không được."],
        ),
    ],
)
def test_a_refusal_lands_on_the_form_where_it_belongs(error, on_field, above):
    form = NameForm({"name": "Ea Bá"})
    assert form.is_valid()
    assert act_on_form(form, refuse(error)) is None
    assert form.errors.get("name", []) == on_field
    assert form.non_field_errors() == above


def test_a_change_done_returns_what_it_made():
    form = NameForm({"name": "Ea Bá"})
    assert form.is_valid()
    assert act_on_form(form, lambda: form.cleaned_data["name"]) == "Ea Bá"
    assert not form.errors


# --- form_page: a page whose form changes something ---------------------------------------


def page_request(rf, method: str, data: dict | None = None):
    request = rf.post("/", data or {}) if method == "POST" else rf.get("/")
    request._messages = CookieStorage(request)
    return request


def said(request) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in request._messages]


@pytest.fixture
def rendered(monkeypatch):
    """What form_page showed instead of rendering a template: its name, context, status."""
    pages = []

    def render(request, template, context, status=200):
        pages.append((template, context, status))
        return HttpResponse(status=status)

    monkeypatch.setattr(actions, "render", render)
    return pages


def answer(request, change, **kwargs):
    form = NameForm(request.POST or None)
    response = actions.form_page(
        request,
        form,
        lambda: change(form.cleaned_data["name"]),
        done=lambda made: f"Đã lưu {made}.",
        onward=lambda made: f"/made/{len(made)}/",
        template="page.html",
        context={"unit": "Ea Bá"},
        **kwargs,
    )
    return form, response


@given(
    method=st.sampled_from(["GET", "POST"]),
    name=st.sampled_from(["", "Ea Bá", "Krông Pắc"]),
    refusal=st.sampled_from(
        [None, ValidationError("Không được."), ValidationError({"name": "Trùng."})]
    ),
    refused_status=st.sampled_from([200, 400]),
)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_form_page_goes_on_only_when_the_change_is_done(
    rf, rendered, method, name, refusal, refused_status
):
    rendered.clear()
    request = page_request(rf, method, {"name": name})
    calls = []

    def change(value):
        calls.append(value)
        if refusal is not None:
            raise refusal
        return value

    form, response = answer(request, change, refused_status=refused_status)

    posted_valid = method == "POST" and bool(name)
    assert calls == ([name] if posted_valid else [])
    if posted_valid and refusal is None:
        assert response.status_code == 302
        assert response["Location"] == f"/made/{len(name)}/"
        assert said(request) == [("success", f"Đã lưu {name}.")]
        assert rendered == []
        return
    # Otherwise the page again, with the form (its errors or the refusal's reasons on it).
    assert said(request) == []
    assert rendered == [("page.html", {"unit": "Ea Bá", "form": form}, response.status_code)]
    assert response.status_code == (refused_status if method == "POST" else 200)
    if method == "POST":
        assert form.errors
        if posted_valid:
            assert set(form.errors) == set(
                refusal.message_dict if hasattr(refusal, "error_dict") else {"__all__"}
            )
    else:
        assert not form.is_bound


def test_a_form_page_takes_a_fixed_message_and_address(rf, rendered):
    request = page_request(rf, "POST", {"name": "Ea Bá"})
    form = NameForm(request.POST)
    response = actions.form_page(
        request,
        form,
        lambda: form.cleaned_data["name"],
        done="Đã lưu.",
        onward="/units/",
        template="page.html",
        context={},
    )
    assert (response.status_code, response["Location"]) == (302, "/units/")
    assert said(request) == [("success", "Đã lưu.")]


def test_a_form_page_answers_a_stale_edit_with_its_warning_and_409(rf, rendered):
    request = page_request(rf, "POST", {"name": "Ea Bá"})

    def saved_in_between(_name):
        raise StaleEdit

    form, response = answer(request, saved_in_between, stale="Người khác vừa lưu.")

    assert response.status_code == 409
    assert said(request) == [("warning", "Người khác vừa lưu.")]
    assert rendered == [("page.html", {"unit": "Ea Bá", "form": form}, 409)]
    with pytest.raises(StaleEdit):  # a page that did not expect one: a mistake, not hidden
        answer(page_request(rf, "POST", {"name": "Ea Bá"}), saved_in_between)
