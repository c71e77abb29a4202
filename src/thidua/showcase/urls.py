app_name = "showcase"
urlpatterns = []
