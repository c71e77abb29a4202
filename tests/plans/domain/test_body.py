"""The plan's body as one text (plans/domain/body.py): `#` sections and `##` points, numbered."""


def test_body_text_becomes_numbered_sections_and_points(make_plan):
    plan = make_plan()
    sections = list(plan.sections.prefetch_related("points"))
    assert [s.heading for s in sections] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]
    assert [p.title for p in sections[0].points.all()] == ["Mục đích", "Yêu cầu"]
    assert sections[1].body == "Phát động phong trào thi đua."
    assert [p.body for p in sections[1].points.all()] == ["Thi đua nâng cao chất lượng."]
