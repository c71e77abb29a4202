from django.urls import path

from thidua.award import views

app_name = "award"
urlpatterns = [
    path("award/entries/<int:registration_pk>/", views.prepare, name="prepare"),
    path("award/<int:pk>/", views.nomination, name="nomination"),
    path("award/<int:pk>/dossier.docx", views.nomination_docx, name="docx"),
    *[
        path(f"award/<int:pk>/{action}/", views.step, {"action": action}, name=action)
        for action in ("save", "send", "endorse", "return", "decide")
    ],
]
