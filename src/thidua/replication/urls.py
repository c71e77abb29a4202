from django.urls import path

from thidua.replication import views

app_name = "replication"
urlpatterns = [
    path("replication/", views.index, name="index"),
    path("replication/units/<int:pk>/", views.area, name="area"),
    path("replication/models/<int:pk>/", views.model, name="model"),
    path("replication/models/<int:pk>/adopt/", views.adopt, name="adopt"),
    path("replication/<int:pk>/", views.detail, name="detail"),
]
