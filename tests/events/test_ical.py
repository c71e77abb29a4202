"""The iCalendar writer (events/ical.py): escaped, folded at 75 octets, parsed back."""

import datetime

from thidua.events.ical import calendar, fold

UTC = datetime.UTC


def unfold(text: str) -> list[str]:
    """RFC 5545 3.1 backwards: CRLF followed by a space continues the line."""
    assert text.endswith("\r\n")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


def parse(text: str) -> list[dict[str, str]]:
    """The VEVENTs of a calendar as dicts of their properties (values unescaped)."""
    events, current = [], None
    for line in unfold(text):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = unescape(value)
    return events


def test_text_is_escaped_and_long_lines_are_folded_without_cutting_a_letter():
    start = datetime.datetime(2022, 8, 20, 1, 0, tzinfo=UTC)
    description = "Hội chợ; nông sản, sáng tạo\nNgày thứ hai " + "ưu tiên " * 20
    text = calendar(
        "Lịch sự kiện",
        [
            {
                "uid": "event-1@thidua.example.vn",
                "start": start,
                "end": start + datetime.timedelta(hours=8),
                "summary": "Hội chợ nông sản",
                "location": "Sân vận động, thị trấn Hai Riêng",
                "description": description,
                "url": "https://thidua.example.vn/calendar/events/1/",
            }
        ],
    )
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75
    (event,) = parse(text)
    assert event["DTSTART"] == "20220820T010000Z"
    assert event["DTEND"] == "20220820T090000Z"
    assert event["DESCRIPTION"] == description
    assert event["LOCATION"] == "Sân vận động, thị trấn Hai Riêng"
    assert event["UID"] == "event-1@thidua.example.vn"
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_fold_keeps_every_character():
    line = "SUMMARY:" + "Đắk Lắk " * 30
    assert fold(line).replace("\r\n ", "") == line
