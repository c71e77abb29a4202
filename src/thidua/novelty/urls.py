app_name = "novelty"
urlpatterns = []
