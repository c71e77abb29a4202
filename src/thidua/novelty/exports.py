"""The batch check's answer as rows: one per match of each entry checked (JSON or XLSX)."""

from django.utils.translation import gettext as _

from thidua.documents.xlsx import XlsxColumn, render_xlsx
from thidua.novelty.domain.checks import Finding


def as_json(results: list[tuple[int, str, list[Finding]]]) -> list[dict]:
    return [
        {
            "row": number,
            "title": title,
            "flagged": any(f.flagged for f in findings),
            "matches": [
                {
                    "kind": str(f.kind),
                    "id": f.object_id,
                    "title": f.title,
                    "unit": f.unit,
                    "year": f.year,
                    "recognised": f.recognised,
                    "score": f.score,
                    "flagged": f.flagged,
                    "shared": sorted(f.shared),
                }
                for f in findings
            ],
        }
        for number, title, findings in results
    ]


def as_xlsx(results: list[tuple[int, str, list[Finding]]]) -> bytes:
    columns = [
        XlsxColumn(_("Row"), 6),
        XlsxColumn(_("Initiative checked"), 40),
        XlsxColumn(_("May be a duplicate"), 12),
        XlsxColumn(_("Earlier initiative"), 40),
        XlsxColumn(_("Unit"), 24),
        XlsxColumn(_("Year"), 8, number_format="0"),
        XlsxColumn(_("Status"), 16),
        XlsxColumn(_("Similarity"), 10, number_format="0%"),
    ]
    rows = []
    for number, title, findings in results:
        flagged = _("yes") if any(f.flagged for f in findings) else _("no")
        if not findings:
            rows.append([number, title, flagged, "", "", None, "", None])
        for finding in findings:
            rows.append(
                [
                    number,
                    title,
                    flagged,
                    finding.title,
                    finding.unit,
                    finding.year,
                    str(finding.status),
                    finding.score,
                ]
            )
    return render_xlsx(title=_("Novelty check"), columns=columns, rows=rows)
