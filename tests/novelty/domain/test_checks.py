import pytest
from django.core.exceptions import ValidationError

from thidua.audit.models import AuditEntry
from thidua.core import text
from thidua.initiatives.domain.registrations import registration_submit
from thidua.initiatives.models import Registration
from thidua.novelty.domain.checks import THRESHOLD, check_decide, find
from thidua.novelty.enums import Verdict
from thidua.novelty.models import Check
from thidua.search.enums import Kind

BO = "Mô hình nuôi bò vỗ béo theo hướng an toàn sinh học"
BO_TEXT = (
    "Hội viên nuôi bò thịt vỗ béo ba tháng bằng thức ăn ủ chua từ thân cây ngô, chuồng trại có "
    "đệm lót sinh học."
)


def test_an_exact_copy_is_found_first_and_flagged(archive):
    found = find(BO, BO_TEXT)

    assert found[0].record == archive[0]
    assert found[0].score > 0.95
    assert found[0].flagged
    assert (found[0].unit, found[0].year, found[0].recognised) == (
        "Hội Nông dân xã Ea Bá",
        2022,
        True,
    )
    assert {"bo", "vo", "beo"} <= found[0].shared


def test_a_copy_typed_without_diacritics_is_found_and_flagged(archive):
    found = find(text.fold(BO).upper(), text.fold(BO_TEXT))

    assert found[0].record == archive[0]
    assert found[0].flagged


def test_a_reworded_copy_is_found_and_flagged(archive):
    found = find(
        "Vỗ béo bò thịt bằng thân bắp ủ chua, chuồng đệm lót sinh học",
        "Các hộ chọn bò gầy mua về vỗ béo trong 90 ngày, thức ăn là cây ngô ủ chua, nền chuồng "
        "lót đệm sinh học để giảm mùi.",
    )

    assert found[0].record == archive[0]
    assert found[0].flagged


def test_abbreviations_are_spelt_out(archive):
    found = find("THT trồng sắn cao sản, liên kết bao tiêu với nhà máy tinh bột")

    assert found[0].record == archive[1]
    assert found[0].flagged


def test_an_unrelated_idea_is_not_flagged(archive):
    found = find(
        "Hướng dẫn người cao tuổi dùng điện thoại thông minh",
        "Lớp học giúp người cao tuổi gọi video, đọc tin tức và nhận tiền qua điện thoại.",
    )

    assert not any(f.flagged for f in found)


def test_a_new_idea_of_the_same_sector_is_not_flagged(archive):
    found = find(
        "Mô hình nuôi dê sinh sản trên nền chuồng sàn",
        "Hội viên nuôi dê cái sinh sản, chuồng sàn cao ráo, trồng cỏ voi làm thức ăn xanh.",
    )

    assert not any(f.flagged for f in found)


def test_a_registration_sent_is_checked_and_flagged_against_another_communes(
    make_registration, tree, archive
):
    earlier = registration_submit(
        actor=None, registration=make_registration(tree.commune_b, name=BO)
    )
    draft_elsewhere = make_registration(tree.commune_b, name=BO)  # a draft is no proposal
    later = registration_submit(actor=None, registration=make_registration(tree.commune_a, name=BO))

    check = Check.objects.get(registration=later)
    assert check.flagged
    assert check.top_score >= THRESHOLD
    found = {(m["kind"], m["id"]) for m in check.matches}
    assert (Kind.REGISTRATION, earlier.pk) in found
    assert (Kind.ARCHIVE, archive[0].pk) in found
    assert (Kind.REGISTRATION, later.pk) not in found
    assert (Kind.REGISTRATION, draft_elsewhere.pk) not in found


def test_a_registration_unlike_any_is_checked_and_not_flagged(make_registration, archive):
    registration = make_registration(name="Đội bóng chuyền hơi của phụ nữ")
    # (the cast's summary is about cassava, like one past initiative: another one here)
    Registration.objects.filter(pk=registration.pk).update(
        summary="Chị em tập bóng chuyền hơi mỗi chiều để rèn luyện sức khỏe."
    )
    sent = registration_submit(actor=None, registration=registration)

    check = Check.objects.get(registration=sent)
    assert not check.flagged


def test_the_district_decides_duplicate_of_a_finding_with_an_audit_entry(
    make_registration, archive, make_person, tree
):
    district = make_person("huyen", "officer", tree.district)
    sent = registration_submit(actor=None, registration=make_registration(name=BO))
    check = Check.objects.get(registration=sent)

    with pytest.raises(ValidationError):  # not among what the check found
        check_decide(
            actor=district, check=check, verdict=Verdict.DUPLICATE, duplicate="archive:999"
        )
    check_decide(
        actor=district,
        check=check,
        verdict=Verdict.DUPLICATE,
        duplicate=f"archive:{archive[0].pk}",
        note="Trùng mô hình năm 2022.",
    )

    check.refresh_from_db()
    assert (check.verdict, check.duplicate_kind, check.duplicate_id) == (
        Verdict.DUPLICATE,
        Kind.ARCHIVE,
        archive[0].pk,
    )
    assert check.decided_by == district
    entry = AuditEntry.objects.filter(object_id=str(check.pk)).latest("at")
    assert entry.after["verdict"] == Verdict.DUPLICATE
