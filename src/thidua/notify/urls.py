from django.urls import path

from . import views

app_name = "notify"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path(
        "plans/<int:plan_pk>/deadlines/<int:deadline_pk>/",
        views.deadline_reminders,
        name="deadline_reminders",
    ),
]
