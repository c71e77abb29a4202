from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from thidua.org import two_factor
from thidua.org import views as org_views
from thidua.org.forms import AdminLoginForm, LoginForm, PasswordSetForm
from thidua.web import views as web_views

# The admin site's login goes through the same throttle and says so when it pauses logins.
admin.site.login_form = AdminLoginForm
# A form over the size limits says so (web/views.py); the other error pages are templates.
handler400 = "thidua.web.views.bad_request"
# The database out of reach (a restart) is a 503 saying to try again, not a 500.
handler500 = "thidua.web.views.server_error"
# Uploads (MEDIA_ROOT) have no URL here, not even in DEBUG (the demo): they are read only
# through the download views, which check who asks (core/downloads.py).

urlpatterns = [
    path("", web_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "accounts/login/",
        two_factor.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/login/code/", two_factor.login_code, name="login_code"),
    path("accounts/two-step/", two_factor.two_factor_page, name="two_factor"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        two_factor.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("accounts/password/reset/", org_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=PasswordSetForm),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", include("thidua.org.urls")),
    path("", include("thidua.plans.urls")),
    path("audit/", include("thidua.web.audit")),
    path("jobs/", include("thidua.web.jobs")),
    path("notifications/", include("thidua.notify.urls")),
    path("", include("thidua.initiatives.urls")),
    path("", include("thidua.review.urls")),
    path("", include("thidua.results.urls")),
    path("", include("thidua.deadlines.urls")),
    path("", include("thidua.search.urls")),
    path("", include("thidua.events.urls")),
    path("", include("thidua.replication.urls")),
    path("", include("thidua.fund.urls")),
    path("", include("thidua.novelty.urls")),
    path("", include("thidua.award.urls")),
    path("", include("thidua.showcase.urls")),
    # The admin site's login with the second step (org/two_factor.py), before the site's own.
    path("admin/login/", two_factor.admin_login),
    path("admin/", admin.site.urls),
]
