"""The project's form renderer (``FORM_RENDERER``): Django's, except that the common widgets
are written in Python, to the character what Django's templates give.

Why: the template engine costs two includes per ``<option>`` and one per ``<input>``; at
national size the registration list's 70-odd filter options took about 5 ms of a 30 ms page
and the registration form's 50-odd inputs about 2 ms of its 23. Written here, each form costs
well under a millisecond, on every page. ``tests/core/test_widgets.py`` compares generated
forms with Django's own templates.
"""

from html import escape

from django.forms.models import ModelChoiceIteratorValue
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe


class WidgetsInPython(DjangoTemplates):
    """Django's form renderer, except that the common widgets are written here: a
    ``<select>`` of plain options, an ``<input>`` (text, hidden, number, checkbox …), a
    radio button or a checkbox of a list of choices, a ``<textarea>``, an empty error list
    and a form of hidden inputs only, to the character what Django's templates give (each
    option followed by its file's last line break, the whole stripped as the renderer strips
    it), without an include per option or per input. Anything else goes to the templates."""

    SELECT = "django/forms/widgets/select.html"
    OPTION = "django/forms/widgets/select_option.html"
    TEXTAREA = "django/forms/widgets/textarea.html"
    # The widgets whose template is only ``{% include "django/forms/widgets/input.html" %}``
    # (tests/initiatives/views/test_page_parts.py checks it).
    INPUTS = frozenset(
        f"django/forms/widgets/{name}.html"
        for name in (
            *("checkbox", "color", "date", "datetime", "email", "hidden", "number"),
            *("password", "search", "tel", "text", "time", "url"),
        )
    )

    # A radio button or a checkbox of a list of choices: its input, in its <label> when the
    # choice is rendered whole (``str(choice)``), bare for ``choice.tag``.
    OPTIONS = frozenset(
        f"django/forms/widgets/{name}_option.html" for name in ("radio", "checkbox")
    )

    # An empty error list (every field's, every form's) writes nothing; a form of hidden
    # inputs only (a formset's management form) writes them one after the other.
    ERRORS = "django/forms/errors/list/default.html"
    FORM = "django/forms/div.html"

    def render(self, template_name, context, request=None):
        if template_name == self.ERRORS and not context.get("errors"):
            return ""
        if template_name == self.FORM and not context.get("fields") and not context.get("errors"):
            return "".join(str(field) for field in context["hidden_fields"])
        widget = context.get("widget") or {}
        if template_name in self.OPTIONS and _plain_choice(widget):
            return _option(widget)
        if template_name in self.INPUTS and _plain(widget.get("value")):
            value = widget["value"]
            given = "" if value is None else f' value="{_text(value)}"'
            return (
                f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
                f"{given}{_attrs(widget['attrs'])}>"
            )
        if template_name == self.TEXTAREA and _plain(widget.get("value")):
            value = widget["value"]
            return (
                f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n'
                f"{_text(value) if value else ''}</textarea>"
            )
        if template_name == self.SELECT:
            return self._select(widget) or super().render(template_name, context, request)
        return super().render(template_name, context, request)

    def _select(self, widget) -> str | None:
        """The ``<select>``, or None when an option is not plain text (the templates')."""
        groups = widget["optgroups"]
        if not all(
            option["template_name"] == self.OPTION
            and isinstance(option["label"], str | Promise)
            and isinstance(option["value"], str | int)
            for _group, options, _index in groups
            for option in options
        ):
            return None
        html = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group, options, _index in groups:
            if group:
                html.append(f'\n  <optgroup label="{_text(group)}">')
            html.extend(
                f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
                for option in options
            )
            if group:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return "".join(html)


def _plain_choice(widget) -> bool:
    """A choice whose value the templates write as ``str(value)`` and whose label is text."""
    return isinstance(widget.get("value"), str | int | ModelChoiceIteratorValue) and isinstance(
        widget.get("label"), str | Promise
    )


def _option(widget) -> str:
    """Django's input_option.html: the input, wrapped in its label when asked."""
    tag = (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f' value="{_text(widget["value"])}"{_attrs(widget["attrs"])}>'
    )
    if not widget.get("wrap_label"):
        return tag
    target = widget["attrs"].get("id")
    label_for = f' for="{_text(target)}"' if target else ""
    # input.html's own last line break stays inside the label (the renderer strips only the
    # whole).
    return f"<label{label_for}>{tag}\n {_text(widget['label'])}</label>"


def _plain(value) -> bool:
    """A widget's value as a string or nothing (what ``format_value`` gives): the templates
    would localise anything else."""
    return value is None or isinstance(value, str)


def _text(value) -> str:
    """A value as the templates write it: text escaped unless it is already safe HTML (a
    lazy text resolved first: its translation may be safe HTML, as Django's list of password
    rules is)."""
    if isinstance(value, Promise):
        value = str(value)
    return str(value) if hasattr(value, "__html__") else escape(str(value))


def _attrs(attrs: dict) -> str:
    """Django's attrs.html: `` name="value"``, a bare `` name`` for True, nothing for False."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


CHOICES = frozenset({"radioselect", "checkboxselectmultiple"})
REQUIRED = ' <span class="required" aria-hidden="true">*</span>'


def field_html(field) -> SafeString:
    """A form field with its label, help and errors (``{% field form.name %}``): in a
    ``<fieldset>`` with a legend for a list of radio buttons or checkboxes, else in a
    ``<div>`` with its ``<label>`` (after a lone checkbox, before anything else). Written
    here rather than as an included template: an include per field cost about 0.1 ms, and
    the registration form shows some thirty. ``tests/core/test_fields.py`` holds it to
    the template it replaced, over generated forms."""
    error = " field--error" if field.errors else ""
    label = _text(field.label)
    required = REQUIRED if field.field.required else ""
    if field.widget_type in CHOICES:
        described = (
            f' aria-describedby="{_text(field.auto_id)}_helptext"' if field.help_text else ""
        )
        choices = "".join(
            f'<label class="choice" for="{_text(choice.id_for_label)}">'
            f"{choice.tag()} {_text(choice.choice_label)}</label>"
            for choice in field
        )
        head = (
            f'<fieldset class="field field--choices{error}"{described}>\n'
            f"  <legend>{label}{required}</legend>\n  {choices}\n"
        )
        end = "</fieldset>"
    elif field.widget_type == "checkbox":
        head = (
            f'<div class="field{error} field--checkbox">\n'
            f'  {field} <label for="{_text(field.id_for_label)}">{label}</label>\n  \n'
        )
        end = "</div>"
    else:
        head = (
            f'<div class="field{error}">\n'
            f'  <label for="{_text(field.id_for_label)}">{label}{required}</label>\n  {field}\n'
        )
        end = "</div>"
    auto_id = _text(field.auto_id)
    helped = (
        f'<div class="help" id="{auto_id}_helptext">{_text(field.help_text)}</div>'
        if field.help_text
        else ""
    )
    errors = "".join(f'<p class="error" id="{auto_id}_error">{_text(e)}</p>' for e in field.errors)
    return mark_safe(f"{head}\n  {helped}\n  {errors}\n{end}\n")  # noqa: S308 (every value is escaped by _text or is Django's own safe HTML)
