"""The account forms (org/forms.py): asking for a new password is limited per e-mail and per
address, and the mail, in Vietnamese, links to SITE_URL whatever Host the request named."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from thidua.org.models import Role

THROTTLED = "Đã yêu cầu đặt lại mật khẩu quá nhiều lần"


@pytest.fixture
def outbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return mail.outbox


def ask(client, email, address="203.0.113.7", **extra):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address, **extra)


def test_the_link_starts_with_site_url_not_the_host_asked(client, officer, outbox, settings):
    settings.SITE_URL = "https://thidua.example.vn"
    settings.ALLOWED_HOSTS = ["thidua.example.vn", "attacker.example"]
    ask(client, "hoa@example.vn", HTTP_HOST="attacker.example")
    assert len(outbox) == 1
    links = re.findall(r"https?://\S+", outbox[0].body)
    assert len(links) == 1
    assert links[0].startswith("https://thidua.example.vn/accounts/password/reset/")
    assert "attacker.example" not in outbox[0].body + outbox[0].subject


def test_the_mail_is_in_vietnamese(client, officer, outbox):
    ask(client, "hoa@example.vn")
    message = outbox[0]
    assert message.subject == "Đặt mật khẩu mới cho tài khoản Thi Đua"
    assert "Chào Nguyễn Thị Hoa," in message.body
    assert "Tên đăng nhập của bạn: xa" in message.body
    # No line of English prose left (links and the username aside).
    english = [
        line
        for line in message.body.splitlines()
        if re.fullmatch(r"[A-Za-z ,.'’:!?()-]{12,}", line.strip())
    ]
    assert english == []


def test_three_mails_an_hour_per_e_mail_address_then_a_clear_message(client, officer, outbox):
    for number in range(3):
        ask(client, "hoa@example.vn", address=f"198.51.100.{number}")
    response = ask(client, "hoa@example.vn", address="198.51.100.9")
    assert THROTTLED in response.content.decode()
    assert len(outbox) == 3


def test_the_limit_tells_nothing_of_whether_an_account_has_the_address(client, officer, outbox):
    for _ in range(3):
        ask(client, "hoa@example.vn")
        ask(client, "khong-co@example.vn", address="192.0.2.5")
    assert THROTTLED in ask(client, "hoa@example.vn").content.decode()
    assert THROTTLED in ask(client, "khong-co@example.vn", address="192.0.2.5").content.decode()


def test_one_address_asking_for_many_accounts_is_paused(client, officer, outbox):
    for number in range(10):
        ask(client, f"nguoi{number}@example.vn")
    assert THROTTLED in ask(client, "hoa@example.vn").content.decode()
    assert outbox == []


def test_an_account_created_without_a_password_can_set_one(client, tree, make_person, outbox):
    person = make_person("moi", Role.OFFICER, tree.commune_a, email="moi@example.vn")
    person.set_unusable_password()
    person.save()
    ask(client, "moi@example.vn")
    assert len(outbox) == 1
    link = re.search(r"/accounts/password/reset/\S+/\S+/", outbox[0].body).group(0)
    form_url = client.get(link)["Location"]
    client.post(
        form_url, {"new_password1": "mat-khau-dau-tien", "new_password2": "mat-khau-dau-tien"}
    )
    person.refresh_from_db()
    assert person.check_password("mat-khau-dau-tien")
