"""Relations from cue verbs, with their evidence sentence."""

from __future__ import annotations

from helpers import run, triples


def test_directs_then_implements_campaigns() -> None:
    x = run(
        "Đảng ủy Khối chỉ đạo Đoàn Thanh niên, Hội CCB Khối triển khai các phong trào, các cuộc vận động: "
        "“CCB gương mẫu”; “Xung kích phát triển kinh tế” và “Tình nguyện mùa đông”."
    )
    got = triples(x)
    assert ("Đảng ủy Khối", "directs", "Đoàn Thanh niên") in got
    assert ("Đảng ủy Khối", "directs", "Hội Cựu chiến binh Khối") in got  # labelled with CCB written out
    assert ("Hội Cựu chiến binh Khối", "implements", "CCB gương mẫu") in got
    assert ("Đoàn Thanh niên", "implements", "Tình nguyện mùa đông") in got  # the list after ';' too


def test_issuer_of_a_document_is_not_directed() -> None:
    x = run("Tỉnh ủy đã lãnh đạo thực hiện nghiêm túc Chỉ thị 05-CT/TW của Bộ Chính trị.")
    got = triples(x)
    assert ("Tỉnh ủy", "implements", "Chỉ thị 05-CT/TW") in got
    assert ("Tỉnh ủy", "directs", "Bộ Chính trị") not in got


def test_cooperates_with_is_read_after_phoi_hop_voi() -> None:
    x = run(
        "Sở Y tế tỉnh Nghệ An phối hợp với Bộ Chỉ huy Quân sự tỉnh tổ chức phong trào “Toàn dân phòng dịch”."
    )
    got = triples(x)
    assert ("Sở Y tế tỉnh Nghệ An", "cooperatesWith", "Bộ Chỉ huy Quân sự tỉnh Nghệ An") in got
    assert ("Sở Y tế tỉnh Nghệ An", "organizes", "Toàn dân phòng dịch") in got


def test_plural_heads_list_their_domains() -> None:
    x = run("UBND tỉnh Nghệ An chỉ đạo các sở Tài chính, Y tế, Giáo dục và Đào tạo triển khai.")
    got = triples(x)
    for name in ("Sở Tài chính tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An", "Sở Giáo dục và Đào tạo tỉnh Nghệ An"):
        assert ("Ủy ban nhân dân tỉnh Nghệ An", "directs", name) in got


def test_slogans_are_not_campaigns() -> None:
    x = run("Với phương châm “thiết thực, hiệu quả”, Đảng ủy Khối triển khai phong trào “Dân vận khéo”.")
    assert {e.label for e in x.entities.values() if e.kind == "Campaign"} == {"Dân vận khéo"}


def test_every_relation_carries_its_sentence() -> None:
    x = run("Mở đầu. Đảng ủy Khối chỉ đạo Đoàn Thanh niên Khối thực hiện tốt. Kết thúc.")
    (rel,) = [r for r in x.relations if r.predicate == "directs"]
    assert rel.sentence.text == "Đảng ủy Khối chỉ đạo Đoàn Thanh niên Khối thực hiện tốt."
    assert x.document.text[rel.sentence.start : rel.sentence.end] == rel.sentence.text


def test_subjectless_sentence_takes_the_title_actor() -> None:
    x = run(
        "Phối hợp với Trường Chính trị tỉnh tổ chức lớp học.", title="Tỉnh ủy Nam Định tăng cường giáo dục"
    )
    assert ("Tỉnh ủy Nam Định", "cooperatesWith", "Trường Chính trị tỉnh Nam Định") in triples(x)


def test_under_direction_of_a_body() -> None:
    x = run("Theo chỉ đạo của UBND tỉnh Thanh Hóa, Sở Nội vụ đã phối hợp với Thanh tra tỉnh kiểm tra.")
    got = triples(x)
    assert ("Ủy ban nhân dân tỉnh Thanh Hóa", "directs", "Sở Nội vụ tỉnh Thanh Hóa") in got
    assert ("Sở Nội vụ tỉnh Thanh Hóa", "cooperatesWith", "Thanh tra tỉnh Thanh Hóa") in got


def test_leadership_as_a_noun_is_no_relation() -> None:
    x = run("Ban Cán sự Đảng, lãnh đạo Bộ Nội vụ sẽ họp để quán triệt.")
    assert not [t for t in triples(x) if t[1] == "directs"]


def test_explicit_issuer_beats_the_code() -> None:
    x = run("Ban Thường vụ Tỉnh ủy Thanh Hóa ban hành Chỉ thị số 15-CT/TU về tăng cường kỷ luật.")
    issuers = {o for s, p, o in triples(x) if p == "issuedBy"}
    assert issuers == {"Ban Thường vụ Tỉnh ủy Thanh Hóa"}


def test_unquoted_title_after_ve() -> None:
    x = run(
        "Thủ tướng Chính phủ ban hành Chỉ thị số 26/CT-TTg ngày 5/9/2016 "
        "về tăng cường kỷ luật, kỷ cương; yêu cầu."
    )
    (doc,) = [e for e in x.entities.values() if e.kind == "Directive"]
    assert doc.title == "tăng cường kỷ luật, kỷ cương"
    assert doc.issued_on == "2016-09-05"


def test_a_plan_carrying_out_a_directive() -> None:
    x = run("UBND tỉnh ban hành Kế hoạch 112/KH-UBND triển khai Chỉ thị 26/CT-TTg của Thủ tướng Chính phủ.")
    got = triples(x)
    assert ("Kế hoạch 112/KH-UBND", "implements", "Chỉ thị 26/CT-TTg") in got
    assert ("Kế hoạch 112/KH-UBND", "issuedBy", "Ủy ban nhân dân tỉnh") in got


def test_subject_carried_from_the_previous_sentence() -> None:
    x = run(
        "Sáng nay, Huyện ủy Lục Yên họp. Huyện ủy Lục Yên đã quán triệt Chỉ thị 05-CT/TW. "
        "Đồng thời triển khai Kế hoạch 12-KH/TU."
    )
    assert ("Huyện ủy Lục Yên", "implements", "Kế hoạch 12-KH/TU") in triples(x)


def test_a_person_signing_is_not_the_body_before_the_name() -> None:
    x = run("Giám đốc Sở Y tế Nguyễn Văn An ký Quyết định 12/QĐ-BYT.")
    assert not [t for t in triples(x) if t[1] == "issuedBy"]  # the person signs; Sở Y tế is his post


def test_bodies_listed_together_cooperate() -> None:
    x = run("Sở Tài chính và Kho bạc Nhà nước tỉnh phối hợp kiểm tra các dự án.")
    assert ("Kho bạc Nhà nước tỉnh", "cooperatesWith", "Sở Tài chính") in triples(x) or (
        "Sở Tài chính",
        "cooperatesWith",
        "Kho bạc Nhà nước tỉnh",
    ) in triples(x)


def test_assigning_a_task_to_a_body_directs_it() -> None:
    x = run("Thủ tướng Chính phủ giao Bộ Tài chính chủ trì, phối hợp với Bộ Nội vụ xây dựng đề án.")
    got = triples(x)
    assert ("Thủ tướng Chính phủ", "directs", "Bộ Tài chính") in got
    assert ("Bộ Tài chính", "cooperatesWith", "Bộ Nội vụ") in got or (
        "Bộ Nội vụ",
        "cooperatesWith",
        "Bộ Tài chính",
    ) in got
    assert not [t for t in triples(run("Sở Y tế yêu cầu nâng cao chất lượng.")) if t[1] == "directs"]


def test_no_body_directs_a_higher_one() -> None:
    x = run(
        "UBND tỉnh Nghệ An kiến nghị, yêu cầu Chính phủ sớm hỗ trợ. "
        "Ủy ban TVQH đề nghị lập Ban chỉ đạo do Thủ tướng Chính phủ đứng đầu."
    )
    assert not [t for t in triples(x) if t[1] == "directs"]


def test_part_of_read_after_thuoc() -> None:
    x = run("Chi bộ 3 thuộc Đảng bộ xã Tân Lập đạt trong sạch vững mạnh. Các khoản thuộc diện miễn thuế.")
    assert ("Chi bộ 3", "subOrganizationOf", "Đảng bộ xã Tân Lập") in triples(x)


def test_the_prime_minister_as_an_office_and_as_a_title() -> None:
    office = run("Thực hiện Chỉ thị 06/CT-TTg của Thủ tướng, Bộ Y tế đã ban hành kế hoạch.")
    assert ("Chỉ thị 06/CT-TTg", "issuedBy", "Thủ tướng Chính phủ") in triples(office)
    title = run("Thủ tướng Phan Văn Khải phát biểu.")
    assert {e.kind for e in title.entities.values()} == {"Person"}


def test_a_plural_noun_subject_is_not_the_previous_sentences_body() -> None:
    # 'Các cấp công đoàn hưởng ứng …': the unions took part, not the front of the sentence before
    x = run(
        "Ủy ban MTTQ tỉnh triển khai cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”. "
        "Các cấp công đoàn hưởng ứng phong trào “Xanh - Sạch - Đẹp”."
    )
    assert not [t for t in triples(x) if t[2] == "Xanh - Sạch - Đẹp"], triples(x)
