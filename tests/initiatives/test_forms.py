"""The registration forms' own checks (initiatives/forms.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.initiatives.forms import FileForm


def test_a_file_without_a_title_is_titled_by_its_name_cleaned():
    """A file name is not typed by the person: a direction override in it would make
    "hoadon\u202efdp.exe" display as "hoadonexe.pdf" wherever the title is shown."""
    upload = SimpleUploadedFile("hoadon\u202efdp.exe.pdf", b"%PDF-1.4")
    form = FileForm({"kind": "document", "title": ""}, {"file": upload})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "hoadonfdp.exe.pdf"


def test_a_typed_title_wins_over_the_file_name():
    upload = SimpleUploadedFile("scan-0001.pdf", b"%PDF-1.4")
    form = FileForm({"kind": "document", "title": "Bản đăng ký có chữ ký"}, {"file": upload})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "Bản đăng ký có chữ ký"
