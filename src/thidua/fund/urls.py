from django.urls import path

from thidua.fund import views

app_name = "fund"
urlpatterns = [
    path("fund/", views.index, name="index"),
    path("fund/units/<int:unit_pk>/", views.unit_view, name="unit"),
    path("fund/units/<int:unit_pk>/new/", views.fund_create, name="fund_create"),
    path("fund/units/<int:unit_pk>/donors/", views.donors, name="donors"),
    path("fund/units/<int:unit_pk>/funds.xlsx", views.rollup_xlsx, name="rollup_xlsx"),
    path("fund/donors/<int:pk>/", views.donor_edit, name="donor_edit"),
    path("fund/<int:pk>/", views.fund_detail, name="fund_detail"),
    path("fund/<int:pk>/record/<slug:kind>/", views.entry_add, name="entry_add"),
    path(
        "fund/<int:pk>/entries/<int:entry_pk>/correct/",
        views.entry_reverse,
        name="entry_reverse",
    ),
    path("fund/<int:pk>/ledger.xlsx", views.ledger_xlsx, name="ledger_xlsx"),
    # For everyone, without an account.
    path("fund/public/", views.public_index, name="public"),
    path("fund/public/<int:unit_pk>/", views.public_unit, name="public_unit"),
]
