from django.urls import path

from thidua.review.enums import CouncilState
from thidua.review.views import councils, decisions, rubric, scoring

app_name = "review"
urlpatterns = [
    path("plans/<int:plan_pk>/councils/", councils.council_list, name="council_list"),
    path("plans/<int:plan_pk>/rubric/", rubric.rubric_edit, name="rubric"),
    path("councils/<int:pk>/", councils.council_detail, name="council_detail"),
    path("councils/<int:pk>/members/", councils.council_member_add, name="member_add"),
    path("councils/<int:pk>/assign/", councils.council_assign, name="assign"),
    path(
        "councils/<int:pk>/assignments/<int:run_pk>/",
        councils.council_assignment_run,
        name="assignment_run",
    ),
    path("councils/<int:pk>/exclusions/", councils.council_exclude, name="exclude"),
    *[
        path(
            f"councils/<int:pk>/{state.value}/",
            councils.council_state,
            {"state": state},
            name=f"council_{state.value}",
        )
        for state in (CouncilState.SCORING, CouncilState.CLOSED)
    ],
    path("councils/<int:pk>/remind/<int:member_pk>/", councils.council_remind, name="remind"),
    path("councils/<int:pk>/ranking/", councils.council_ranking, name="ranking"),
    path("councils/<int:pk>/scores.xlsx", councils.council_scores_xlsx, name="scores_xlsx"),
    path("councils/<int:pk>/decision/", decisions.council_decision, name="decision"),
    *[
        path(
            f"councils/<int:pk>/{document}.docx",
            decisions.council_document,
            {"document": document},
            name=f"{document}_docx",
        )
        for document in ("minutes", "decision", "certificates")
    ],
    path("councils/<int:pk>/queue/", scoring.scoring_queue, name="queue"),
    path("councils/<int:pk>/score/<int:assignment_pk>/", scoring.score, name="score"),
]
