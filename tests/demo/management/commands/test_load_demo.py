"""``thidua load_demo``: the mail the demo's story sends while it loads is kept in the data
directory, never handed to the configured backend (which may be a real SMTP server)."""

import email
import io
import re

from django.core import mail
from django.core.management import call_command


def kept_messages(directory) -> list:
    """The messages the file backend wrote, one file per connection, 79 dashes between."""
    messages = []
    for path in sorted(directory.iterdir()):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip()))
    return messages


def test_the_mail_of_the_load_is_kept_in_the_data_directory(transactional_db, settings, tmp_path):
    # transactional_db: mail goes when the load commits, as it does outside the tests.
    settings.DATA_DIR = tmp_path
    settings.SITE_URL = "http://127.0.0.1:8001"
    out = io.StringIO()
    call_command("load_demo", "--one-province", stdout=out)

    assert mail.outbox == []  # the configured backend got nothing
    messages = kept_messages(tmp_path / "mail")
    to_xa = [m for m in messages if m["To"] == "xa@example.vn"]
    assert to_xa, "the commune's officer was told about her registrations"
    bodies = [m.get_payload(decode=True).decode() for m in messages]
    links = {link for body in bodies for link in re.findall(r"https?://\S+", body)}
    assert any(link.startswith("http://127.0.0.1:8001/registrations/") for link in links)
    assert all(link.startswith("http://127.0.0.1:8001/") for link in links), links
    assert str(tmp_path / "mail") in out.getvalue()

    mail.send_mail("after", "the load", None, ["xa@example.vn"])
    assert len(mail.outbox) == 1  # the configured backend is back
