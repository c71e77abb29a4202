from django.urls import path

from . import views

app_name = "deadlines"
urlpatterns = [
    path(
        "plans/<int:plan_pk>/deadlines/<int:deadline_pk>/reminders/",
        views.reminders,
        name="reminders",
    ),
]
