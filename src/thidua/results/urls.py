from django.urls import path

from thidua.results import views

app_name = "results"
urlpatterns = [
    path("plans/<int:plan_pk>/results/", views.overview, name="overview"),
    path("plans/<int:plan_pk>/results/<int:unit_pk>/open/", views.open_report, name="open"),
    path("plans/<int:plan_pk>/rollup/", views.rollup_view, name="rollup"),
    path("plans/<int:plan_pk>/dashboard/", views.dashboard_view, name="dashboard"),
    path("plans/<int:plan_pk>/rollup.xlsx", views.rollup_xlsx, name="rollup_xlsx"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/autosave/", views.report_autosave, name="report_autosave"),
    path("reports/<int:pk>/photos/", views.photo_add, name="photo_add"),
    path("reports/<int:pk>/photos/<int:photo_pk>/", views.photo_file, name="photo"),
    path(
        "reports/<int:pk>/photos/<int:photo_pk>/thumbnail/",
        views.photo_file,
        {"thumbnail": True},
        name="photo_thumbnail",
    ),
    path("reports/<int:pk>/report.docx", views.report_docx, name="report_docx"),
    *[
        path(
            f"reports/<int:pk>/{action}/",
            views.report_action,
            {"action": action},
            name=f"report_{action}",
        )
        for action in ("submit", "receive", "return")
    ],
]
