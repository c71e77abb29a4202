"""No page offers a link its reader is refused: each demo account follows every link it is shown.

A button that leads to "Không được phép" or "Không tìm thấy" tells an officer the product is
broken. Each account starts from the home page (an anonymous visitor from the login page and
the idea box) and follows the links of every page it can open, a few pages per URL name so the
walk stays short. Every link must open: a page, a download or (once signed in) a redirect
that is not to the login page.
"""

import re
from collections import Counter
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve

from thidua.demo import load as demo

# The module in one process: the demo is loaded once for it (conftest.py), not once per
# process.
pytestmark = pytest.mark.xdist_group(__name__)

ACCOUNTS = ["xa", "huyen", "tinh", "hoidong", "hoidong2", None]
# Outside the product's pages: the admin site, the language switch, static files.
LEFT_OUT = re.compile(r"^/(admin|i18n|static)/")
PAGES_PER_URL_NAME = 3


def hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'<a [^>]*href="([^"#][^"]*)"', html)]


def walk(client, *, signed_in: bool) -> tuple[dict[str, int], dict[str, str]]:
    """Links reachable from the start page, a few per URL name: status by URL, who linked it."""
    queue = ["/"] if signed_in else ["/accounts/login/", "/ideas/?q=ea"]
    status, linked_from, per_name = {}, dict.fromkeys(queue, "(start)"), Counter()
    while queue:
        url = queue.pop(0)
        path = urlsplit(url).path
        try:
            name = resolve(path).view_name
        except Resolver404:
            name = path
        if per_name[name] >= PAGES_PER_URL_NAME:
            continue
        per_name[name] += 1
        response = client.get(url)
        status[url] = response.status_code
        if signed_in and response.status_code == 302 and "/accounts/login/" in response["Location"]:
            status[url] = 401
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for href in hrefs(response.content.decode()):
            target = urlsplit(urljoin("http://testserver" + url, href))
            if target.netloc != "testserver" or LEFT_OUT.match(target.path):
                continue
            link = target.path + (f"?{target.query}" if target.query else "")
            if link not in linked_from:
                linked_from[link] = url
                queue.append(link)
    return status, linked_from


@pytest.mark.parametrize("username", ACCOUNTS, ids=lambda u: u or "anonymous")
def test_every_link_shown_opens(story, client, username):
    if username:
        assert client.login(username=username, password=demo.PASSWORD)
    status, linked_from = walk(client, signed_in=bool(username))
    refused = {url: code for url, code in status.items() if code >= 400}
    assert not refused, "\n".join(
        f"{code} {url} (linked from {linked_from[url]})" for url, code in refused.items()
    )
    assert len(status) > (10 if username else 3)  # the walk went somewhere
