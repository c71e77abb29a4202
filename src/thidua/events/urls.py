from django.urls import path

from thidua.events import views

app_name = "events"
urlpatterns = [
    # Public: no login
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/list/", views.calendar_list, name="calendar_list"),
    path("calendar/events/<int:pk>/", views.event, name="event"),
    path("calendar/photos/<int:pk>/", views.event_photo_file, name="photo"),
    path(
        "calendar/photos/<int:pk>/thumbnail/",
        views.event_photo_file,
        {"thumbnail": True},
        name="photo_thumbnail",
    ),
    path("calendar.ics", views.ical_feed, name="ical"),
    # The organising unit
    path("units/<int:unit_pk>/events/", views.event_list, name="event_list"),
    path("units/<int:unit_pk>/events/new/", views.event_new, name="event_new"),
    path("events/<int:pk>/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/photos/", views.event_photo, name="photo_add"),
    *[
        path(
            f"events/<int:pk>/{action}/",
            views.event_action,
            {"action": action},
            name=f"event_{action}",
        )
        for action in ("publish", "cancel")
    ],
]
