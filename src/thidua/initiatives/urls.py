from django.urls import path

from thidua.initiatives.views import bulk, compliance, exports, files, ideas, lists, registrations

app_name = "initiatives"
urlpatterns = [
    path("plans/<int:plan_pk>/register/", registrations.registration_start, name="start"),
    path(
        "plans/<int:plan_pk>/registrations/",
        lists.registration_list,
        name="registration_list",
    ),
    path(
        "plans/<int:plan_pk>/registrations/bulk/",
        bulk.registrations_bulk,
        name="registrations_bulk",
    ),
    path("plans/<int:plan_pk>/compliance/", compliance.compliance_view, name="compliance"),
    path("plans/<int:plan_pk>/registrations.xlsx", exports.export_xlsx, name="export_xlsx"),
    path("plans/<int:plan_pk>/registrations.docx", exports.export_docx, name="export_docx"),
    path(
        "registrations/<int:pk>/",
        registrations.registration_detail,
        name="registration_detail",
    ),
    path("registrations/<int:pk>/edit/", registrations.registration_edit, name="registration_edit"),
    path(
        "registrations/<int:pk>/autosave/",
        registrations.registration_autosave,
        name="registration_autosave",
    ),
    path(
        "registrations/<int:pk>/submit/",
        registrations.registration_submit_view,
        name="registration_submit",
    ),
    path(
        "registrations/<int:pk>/delete/",
        registrations.registration_delete_view,
        name="registration_delete",
    ),
    path(
        "registrations/<int:pk>/merge/",
        registrations.registration_merge_view,
        name="registration_merge",
    ),
    *[
        path(
            f"registrations/<int:pk>/{action}/",
            registrations.registration_review,
            {"action": action},
            name=f"registration_{action}",
        )
        for action in ("receive", "return", "accept")
    ],
    path("registrations/<int:pk>/files/", files.file_add, name="file_add"),
    path("registrations/<int:pk>/files/<int:file_pk>/", files.file_download, name="file"),
    path(
        "registrations/<int:pk>/files/<int:file_pk>/thumbnail/",
        files.file_download,
        {"thumbnail": True},
        name="file_thumbnail",
    ),
    path("ideas/", ideas.idea_choose_unit, name="idea_choose"),
    path("ideas/<int:unit_pk>/", ideas.idea_new, name="idea_new"),
    path("units/<int:unit_pk>/ideas/", ideas.idea_inbox, name="idea_inbox"),
    path("ideas/<int:pk>/convert/", ideas.idea_action, {"action": "convert"}, name="idea_convert"),
    path("ideas/<int:pk>/dismiss/", ideas.idea_action, {"action": "dismiss"}, name="idea_dismiss"),
]
