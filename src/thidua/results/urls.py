from django.urls import path

from thidua.results.views import reports, rollup

app_name = "results"
urlpatterns = [
    path("plans/<int:plan_pk>/results/", reports.overview, name="overview"),
    path("plans/<int:plan_pk>/results/<int:unit_pk>/open/", reports.open_report, name="open"),
    path("plans/<int:plan_pk>/rollup/", rollup.rollup_view, name="rollup"),
    path("plans/<int:plan_pk>/dashboard/", rollup.dashboard_view, name="dashboard"),
    path("plans/<int:plan_pk>/rollup.xlsx", rollup.rollup_xlsx, name="rollup_xlsx"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/autosave/", reports.report_autosave, name="report_autosave"),
    path("reports/<int:pk>/photos/", reports.photo_add, name="photo_add"),
    path("reports/<int:pk>/photos/<int:photo_pk>/", reports.photo_file, name="photo"),
    path(
        "reports/<int:pk>/photos/<int:photo_pk>/thumbnail/",
        reports.photo_file,
        {"thumbnail": True},
        name="photo_thumbnail",
    ),
    path("reports/<int:pk>/report.docx", reports.report_docx, name="report_docx"),
    *[
        path(
            f"reports/<int:pk>/{action}/",
            reports.report_action,
            {"action": action},
            name=f"report_{action}",
        )
        for action in ("submit", "receive", "return")
    ],
]
