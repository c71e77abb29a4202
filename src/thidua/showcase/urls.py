from django.urls import path

from thidua.showcase.feeds import StoriesFeed
from thidua.showcase.views import manage, public

app_name = "showcase"
urlpatterns = [
    # Public: no login
    path("showcase/", public.showcase, name="showcase"),
    path("showcase/models/<int:pk>/", public.model, name="model"),
    path("showcase/models/<int:pk>/qr.png", public.qr, name="qr"),
    path("showcase/models/<int:pk>/leaflet.docx", public.leaflet, name="leaflet"),
    path("showcase/models/<int:pk>/leaflet.pdf", public.leaflet, {"pdf": True}, name="leaflet_pdf"),
    path("showcase/photos/<int:pk>/", public.photo, name="photo"),
    path(
        "showcase/photos/<int:pk>/thumbnail/",
        public.photo,
        {"thumbnail": True},
        name="photo_thumbnail",
    ),
    path("showcase/stories/", public.stories, name="stories"),
    path("showcase/stories/feed/", StoriesFeed(), name="stories_feed"),
    path("showcase/stories/<int:pk>/", public.story, name="story"),
    path("showcase/story-photos/<int:pk>/", public.story_photo, name="story_photo"),
    path(
        "showcase/story-photos/<int:pk>/thumbnail/",
        public.story_photo,
        {"thumbnail": True},
        name="story_photo_thumbnail",
    ),
    path("showcase/units/<int:unit_pk>/stories/", public.stories, name="unit_stories"),
    path("showcase/units/<int:unit_pk>/stories/feed/", StoriesFeed(), name="unit_stories_feed"),
    # The offices
    path("publicity/", manage.publicity, name="publicity"),
    path("publicity/units/<int:unit_pk>/", manage.manage, name="manage"),
    path(
        "publicity/units/<int:unit_pk>/publish/<int:registration_pk>/",
        manage.publish,
        name="publish",
    ),
    path("publicity/published/<int:pk>/withdraw/", manage.withdraw, name="withdraw"),
    path("publicity/units/<int:unit_pk>/example/", manage.highlight, name="highlight"),
    path("publicity/units/<int:unit_pk>/stories/new/", manage.story_new, name="story_new"),
    path("publicity/stories/<int:pk>/", manage.story_edit, name="story_edit"),
    path("publicity/stories/<int:pk>/photos/", manage.story_photo, name="story_photo_add"),
    *[
        path(
            f"publicity/stories/<int:pk>/{action}/",
            manage.story_action,
            {"action": action},
            name=f"story_{action}",
        )
        for action in ("submit", "publish", "return")
    ],
]
