"""What the round-trip tests share: typing generated values into a page the way a person
does, waiting for the autosave, and a few seeded Hypothesis examples per browser test."""

import time

from hypothesis import HealthCheck, Phase, settings

from tests.browser.conftest import TIMEOUT_MS

# A browser example takes seconds: a few fixed (seeded) examples per test, no shrinking.
BROWSER_EXAMPLES = settings(
    max_examples=3,
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
# Where a fast test through Django's test client types many generated examples into the same
# form, the browser is left to show that its page and scripts carry what is typed: the
# simplest example and one more.
PAGE_EXAMPLES = settings(BROWSER_EXAMPLES, max_examples=2)


def field(page, name):
    return page.locator(f'form [name="{name}"]')


def type_into(page, values: dict) -> None:
    """Types ``values`` ({field name: text, a list of checked values, or a bool}) into the
    form's fields as a person would: text boxes are filled, choices clicked."""
    for name, value in values.items():
        target = field(page, name)
        kind = target.first.evaluate("el => el.type")
        if kind == "radio":
            page.locator(f'form [name="{name}"][value="{value}"]').check()
        elif kind == "checkbox" and isinstance(value, bool):
            target.set_checked(value)
        elif kind == "checkbox":
            for box in target.all():
                box.set_checked(box.get_attribute("value") in value)
        elif kind.startswith("select"):
            target.select_option(value)
        else:
            target.fill(value)


def stored_as(read, expected, what: str) -> None:
    """Polls ``read()`` (the database) until it equals ``expected``; then asserts it, so a
    timeout shows the difference."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline and read() != expected:
        time.sleep(0.1)
    assert read() == expected, what


def autosaved(page, key: str) -> None:
    """Waits until the script has nothing left to save: no save under way and no draft kept
    on the device (typing what was already there saves nothing)."""
    page.wait_for_function(
        """key => localStorage.getItem(key) === null && document.querySelector(
            '[data-autosave-status]').getAttribute('data-autosave-state') !== 'saving'""",
        arg=f"thidua:autosave:{key}",
    )


def draft(page, key: str):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('thidua:autosave:{key}'))")
