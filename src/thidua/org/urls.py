from django.urls import path

from thidua.org import views

app_name = "org"
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:pk>/new/", views.unit_create_child, name="unit_create_child"),
    path("units/<int:pk>/edit/", views.unit_edit, name="unit_edit"),
    path("units/<int:pk>/import/", views.unit_import, name="unit_import"),
    path("units/<int:pk>/people/new/", views.unit_person_create, name="unit_person_create"),
    path("units/<int:pk>/roles/new/", views.unit_membership_add, name="unit_membership_add"),
    path("roles/<int:pk>/delete/", views.membership_delete, name="membership_delete"),
    path("people/", views.person_list, name="person_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
]
