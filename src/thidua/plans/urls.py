from django.urls import path

from thidua.plans.views import editing, lifecycle, reading, series

app_name = "plans"
urlpatterns = [
    path("plans/", reading.plan_list, name="plan_list"),
    path("units/<int:unit_pk>/plans/new/", editing.plan_create_view, name="plan_create"),
    path("plans/<int:pk>/", reading.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", editing.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/sections/", editing.plan_sections, name="plan_body"),
    path("plans/<int:pk>/lists/", editing.plan_lists, name="plan_lists"),
    path("plans/<int:pk>/issue/", lifecycle.plan_issue_view, name="plan_issue"),
    path("plans/<int:pk>/close/", lifecycle.plan_close_view, name="plan_close"),
    path("plans/<int:pk>/correct/", lifecycle.plan_correct_view, name="plan_correct"),
    path("plans/<int:pk>/child/", lifecycle.plan_child_view, name="plan_child"),
    path("plans/<int:pk>/cascade/", reading.plan_cascade, name="plan_cascade"),
    path("plans/<int:pk>/series/", series.plan_series, name="plan_series"),
    path("plans/<int:pk>/docx/", reading.plan_docx, name="plan_docx"),
    path(
        "plans/<int:pk>/attachments/",
        lifecycle.plan_attachment_add_view,
        name="plan_attachment_add",
    ),
    path(
        "plans/<int:pk>/attachments/<int:attachment_pk>/",
        reading.plan_attachment,
        name="plan_attachment",
    ),
    path("public/plans/<int:pk>/", reading.public_plan, name="public_plan"),
    path("units/<int:unit_pk>/numbering/", editing.numbering_rule_edit, name="numbering_rule"),
]
