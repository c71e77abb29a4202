"""Reading replications (replication/domain/selectors.py): the figure a results report reads
instead of a typed count ("Models replicated from elsewhere", results/domain/recorded.py),
and which models of an area spread."""

import datetime

from thidua.replication.domain.replications import replication_adopt
from thidua.replication.domain.selectors import replicated_count, spread
from thidua.results.domain.recorded import recorded_figures
from thidua.results.domain.reports import report_open
from thidua.results.models import ResultsReport

YEAR = (datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))


def _adopt(model, unit, started_on):
    return replication_adopt(
        actor=None, registration=model, unit=unit, started_on=started_on, households=8
    )


def test_the_results_report_reads_replication_from_the_records(
    honoured, tree, open_plan, ea_bia, council, entry
):
    model, _other = honoured
    _adopt(model, tree.commune_b, datetime.date(2022, 9, 1))
    _adopt(model, ea_bia, datetime.date(2023, 2, 1))  # the next year's: another plan's report
    assert replicated_count(tree.commune_b, *YEAR) == 1
    assert replicated_count(ea_bia, *YEAR) == 0
    assert replicated_count(tree.district, *YEAR) == 0  # the communes count their own
    report = report_open(actor=None, plan=open_plan, unit=tree.commune_b)
    assert recorded_figures(report)["replicated"] == 1
    # The report itself holds it, written when it was opened: nobody types it.
    assert ResultsReport.objects.get(pk=report.pk).replicated == 1
    assert recorded_figures(report_open(actor=None, plan=open_plan, unit=ea_bia))["replicated"] == 0


def test_the_area_lists_the_spread_first_and_the_rest_after(honoured, tree, ea_bia):
    model, _other = honoured
    assert [(s.registration, s.units) for s in spread(tree.district)] == [(model, 0)]
    _adopt(model, tree.commune_b, datetime.date(2022, 9, 1))
    _adopt(model, ea_bia, datetime.date(2022, 10, 1))
    (row,) = spread(tree.district)
    assert (row.units, row.households, row.effective, row.stopped) == (2, 16, 0, 0)
    assert spread(tree.other_district) == []
