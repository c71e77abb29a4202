from django.urls import path

from thidua.novelty import views

app_name = "novelty"
urlpatterns = [
    path("novelty/check/", views.draft_check, name="draft_check"),
    path("novelty/registrations/<int:pk>/decide/", views.decide, name="decide"),
    path("novelty/past/<int:pk>/", views.past_detail, name="past_detail"),
]
