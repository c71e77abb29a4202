app_name = "award"
urlpatterns = []
