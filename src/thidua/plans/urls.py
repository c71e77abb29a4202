from django.urls import path

from thidua.plans import views

app_name = "plans"
urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("units/<int:unit_pk>/plans/new/", views.plan_create_view, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/sections/", views.plan_sections, name="plan_body"),
    path("plans/<int:pk>/lists/", views.plan_lists, name="plan_lists"),
    path("plans/<int:pk>/issue/", views.plan_issue_view, name="plan_issue"),
    path("plans/<int:pk>/close/", views.plan_close_view, name="plan_close"),
    path("plans/<int:pk>/correct/", views.plan_correct_view, name="plan_correct"),
    path("plans/<int:pk>/child/", views.plan_child_view, name="plan_child"),
    path("plans/<int:pk>/cascade/", views.plan_cascade, name="plan_cascade"),
    path("plans/<int:pk>/docx/", views.plan_docx, name="plan_docx"),
    path("plans/<int:pk>/attachments/", views.plan_attachment_add, name="plan_attachment_add"),
    path(
        "plans/<int:pk>/attachments/<int:attachment_pk>/",
        views.plan_attachment,
        name="plan_attachment",
    ),
    path("public/plans/<int:pk>/", views.public_plan, name="public_plan"),
    path("units/<int:unit_pk>/numbering/", views.numbering_rule_edit, name="numbering_rule"),
]
