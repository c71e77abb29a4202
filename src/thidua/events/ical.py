"""The public calendar as iCalendar (RFC 5545), written here: a few properties, escaped and
folded as the RFC says, so any calendar application can subscribe to it."""

import datetime
from collections.abc import Iterable

from django.utils import timezone

PRODUCT = "-//Thi Dua//Calendar//VI"
LINE_OCTETS = 75


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets continued on the next with a leading space (3.1), never
    cutting a UTF-8 character in two."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        limit = LINE_OCTETS if not parts else LINE_OCTETS - 1
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(name: str, events: Iterable[dict]) -> str:
    """``events``: dicts of uid, start, end, summary, location, description, url, updated."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    stamp = utc(timezone.now())
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event['uid']}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{utc(event['start'])}",
            f"DTEND:{utc(event['end'])}",
            f"SUMMARY:{escape(event['summary'])}",
            f"LOCATION:{escape(event['location'])}",
        ]
        if event.get("description"):
            lines.append(f"DESCRIPTION:{escape(event['description'])}")
        if event.get("url"):
            lines.append(f"URL:{event['url']}")
        if event.get("updated"):
            lines.append(f"LAST-MODIFIED:{utc(event['updated'])}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
