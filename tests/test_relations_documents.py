"""Documents and what is done with them: 'implements' when the document comes in a later
clause, 'organizes' for named conferences and congresses, a law's title end is not its
issuer, document fields, short references, and issuers of well-known documents from a table."""

from __future__ import annotations

from helpers import run, triples

from kgraph.model import Extraction


def doc(x: Extraction, number: str):  # type: ignore[no-untyped-def]
    (found,) = [e for e in x.entities.values() if e.number == number]
    return found


def test_implements_a_document_named_after_a_semicolon() -> None:
    x = run(
        "Ban Thường vụ Huyện ủy Tân Kỳ đã tổ chức quán triệt, triển khai thực hiện nghiêm túc; "
        "trong đó trọng tâm là Nghị quyết số 09-NQ/TU của Tỉnh ủy Nghệ An."
    )
    assert ("Ban Thường vụ Huyện ủy Tân Kỳ", "implements", "Nghị quyết 09-NQ/TU") in triples(x)


def test_a_plan_issued_to_carry_out_a_resolution_is_not_the_resolution() -> None:
    x = run(
        "Ngay sau hội nghị, Đảng ủy Công an tỉnh đã triển khai thực hiện đến các chi bộ trực thuộc, "
        "đồng thời ban hành kế hoạch thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị."
    )
    got = triples(x)
    assert ("Nghị quyết 12-NQ/TW", "issuedBy", "Đảng ủy Công an tỉnh") not in got
    assert ("Đảng ủy Công an tỉnh", "implements", "Nghị quyết 12-NQ/TW") in got


def test_thuc_hien_a_document_then_the_body() -> None:
    x = run("Thực hiện Chỉ thị số 05-CT/TW, Đảng ủy Khối Cơ quan tỉnh đã xây dựng kế hoạch cụ thể.")
    assert ("Đảng ủy Khối Cơ quan tỉnh", "implements", "Chỉ thị 05-CT/TW") in triples(x)


def test_a_plan_cited_after_thuc_hien_and_what_it_carries_out() -> None:
    x = run(
        "Thực hiện Kế hoạch số 25-KH/TU ngày 10/1/2023 của Ban Thường vụ Tỉnh ủy về triển khai Nghị quyết "
        "số 29-NQ/TW, Ban Tuyên giáo Huyện ủy đã tham mưu tổ chức hội nghị."
    )
    got = triples(x)
    assert ("Ban Tuyên giáo Huyện ủy", "implements", "Kế hoạch 25-KH/TU") in got
    assert ("Kế hoạch 25-KH/TU", "implements", "Nghị quyết 29-NQ/TW") in got


def test_a_conference_organised_by_do_to_chuc() -> None:
    x = run(
        "Hội nghị lần thứ 10 Ban Chấp hành Đảng bộ huyện Diễn Châu khóa XXVIII do Huyện ủy Diễn Châu "
        "tổ chức đã bế mạc."
    )
    organizes = {(s, o) for s, p, o in triples(x) if p == "organizes"}
    assert organizes == {
        ("Huyện ủy Diễn Châu", "Hội nghị lần thứ 10 Ban Chấp hành Đảng bộ huyện Diễn Châu khóa XXVIII")
    }


def test_a_congress_opened_by_its_association() -> None:
    x = run(
        "Sáng 12/7, Hội Nông dân tỉnh Yên Bái khai mạc Đại hội đại biểu Hội Nông dân tỉnh Yên Bái lần thứ X."
    )
    assert (
        "Hội Nông dân tỉnh Yên Bái",
        "organizes",
        "Đại hội đại biểu Hội Nông dân tỉnh Yên Bái lần thứ X",
    ) in triples(x)


def test_the_end_of_a_law_title_is_not_its_issuer() -> None:
    x = run("Đại biểu góp ý dự án Luật Giám sát hoạt động của Ủy ban nhân dân các cấp và Luật Thủy lợi.")
    issuers = {o for s, p, o in triples(x) if p == "issuedBy"}
    assert issuers <= {"Quốc hội"}


def test_a_law_title_keeps_its_complement() -> None:
    x = run("Đại biểu góp ý dự án Luật Giám sát hoạt động của Ủy ban nhân dân các cấp và Luật Thủy lợi.")
    assert "Luật Giám sát hoạt động của Ủy ban nhân dân các cấp" in {
        e.label for e in x.entities.values() if e.kind == "Law"
    }


def test_a_law_title_ends_before_another_law() -> None:
    x = run("Quốc hội thông qua Luật Tổ chức hoạt động của Hội đồng nhân dân và Luật Đất đai của Quốc hội.")
    laws = {e.label for e in x.entities.values() if e.kind == "Law"}
    assert laws == {"Luật Tổ chức hoạt động của Hội đồng nhân dân", "Luật Đất đai"}


def test_a_law_passed_by_the_national_assembly() -> None:
    x = run("Tại kỳ họp thứ 5, Quốc hội đã thông qua Luật Thủy lợi.")
    assert ("Luật Thủy lợi", "issuedBy", "Quốc hội") in triples(x)


def test_number_date_issuer_and_title_after_ve_viec() -> None:
    x = run(
        "Ngày 3/2/2022, Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 118-KH/TU về việc triển khai "
        "thực hiện các nghị quyết của Trung ương."
    )
    plan = doc(x, "118-KH/TU")
    assert (plan.issued_on, plan.title) == (
        "2022-02-03",
        "triển khai thực hiện các nghị quyết của Trung ương",
    )
    assert ("Kế hoạch 118-KH/TU", "issuedBy", "Ban Thường vụ Tỉnh ủy Hà Tĩnh") in triples(x)


def test_a_title_after_ve_stops_before_the_sentence_verb() -> None:
    x = run(
        "Quyết định số 1234/QĐ-UBND ngày 5/3/2021 của UBND tỉnh Thái Bình về phê duyệt quy hoạch mạng lưới "
        "trường học được công bố công khai."
    )
    assert doc(x, "1234/QĐ-UBND").title == "phê duyệt quy hoạch mạng lưới trường học"


def test_a_short_reference_is_the_full_document_of_the_article() -> None:
    x = run(
        "Năm 2019, Ban Chấp hành Trung ương ban hành Nghị quyết số 21-NQ/TW về tăng cường củng cố tổ chức "
        "cơ sở đảng. Đảng ủy xã Nghi Phong đã triển khai thực hiện Nghị quyết 21 đến từng chi bộ."
    )
    assert ("Đảng ủy xã Nghi Phong", "implements", "Nghị quyết 21-NQ/TW") in triples(x)
    assert len([e for e in x.entities.values() if e.kind == "Resolution"]) == 1


def test_issuer_of_a_well_known_central_document_from_the_table() -> None:
    x = run(
        "Các chi bộ trong huyện đã học tập Chỉ thị số 05-CT/TW ngày 15/5/2016 về đẩy mạnh học tập và làm "
        "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Bộ Chính trị đánh giá cao kết quả của huyện."
    )
    (rel,) = [r for r in x.relations if r.predicate == "issuedBy"]
    assert x.entities[rel.object].label == "Bộ Chính trị"
    assert rel.table == "issuers"


def test_no_issuer_the_article_does_not_name() -> None:
    x = run("Các chi bộ đã học tập Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh.")
    assert not [r for r in x.relations if r.predicate == "issuedBy"]
    assert not [e for e in x.entities.values() if e.kind == "PartyCommittee"]


def test_the_text_beats_the_table() -> None:
    x = run("Ban Bí thư ban hành Chỉ thị số 05-CT/TW về tăng cường công tác dân vận.")
    rels = [r for r in x.relations if r.predicate == "issuedBy"]
    assert [(x.entities[r.object].label, r.table) for r in rels] == [("Ban Bí thư", "")]


def test_a_council_holds_its_session() -> None:
    x = run(
        "Sáng 14/7, Hội đồng nhân dân tỉnh Bình Phước khóa X tiến hành Kỳ họp thứ 15 để xem xét các tờ trình."
    )
    assert ("Hội đồng nhân dân tỉnh Bình Phước", "organizes", "Kỳ họp thứ 15") in triples(x)


def test_a_draft_law_is_not_yet_issued() -> None:
    x = run("Đại biểu Quốc hội góp ý dự thảo Luật Thủy lợi tại phiên thảo luận.")
    (rel,) = [r for r in x.relations if r.predicate == "issuedBy"]
    assert (x.entities[rel.object].label, rel.modality, rel.table) == ("Quốc hội", "planned", "issuers")


def test_two_documents_both_issued_do_not_carry_each_other_out() -> None:
    x = run(
        "Theo Pháp lệnh Phòng chống thiên tai đã ban hành và Luật Thủy lợi vừa ban hành, "
        "tỉnh phải lập quy hoạch."
    )
    assert not [r for r in x.relations if r.predicate == "implements"]


def test_a_plenum_named_without_cua_issues_the_resolution() -> None:
    x = run(
        "Quán triệt Nghị quyết số 61-NQ/TW ngày 2/5/2025 Hội nghị lần thứ 11 Ban Chấp hành Trung ương "
        "Đảng khóa XIII về phát triển kinh tế tư nhân."
    )
    assert ("Nghị quyết 61-NQ/TW", "issuedBy", "Ban Chấp hành Trung ương Đảng") in triples(x)
    (doc,) = [e for e in x.entities.values() if e.number]
    assert (doc.term, doc.title) == ("XIII", "phát triển kinh tế tư nhân")


def test_a_central_plenum_issues_the_resolution_when_no_committee_is_written() -> None:
    text = (
        "Thực hiện Nghị quyết số 62-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 khóa XIII về "
        "tăng cường củng cố tổ chức cơ sở đảng, Huyện ủy ban hành kế hoạch."
    )
    x = run(text)
    (doc,) = [e for e in x.entities.values() if e.number]
    assert (doc.term, doc.title) == ("XIII", "tăng cường củng cố tổ chức cơ sở đảng")
    assert not [r for r in x.relations if r.predicate == "issuedBy"]  # the committee is not named
    x = run(text + " Ban Chấp hành Trung ương Đảng đã đánh giá cao kết quả.")
    assert ("Nghị quyết 62-NQ/TW", "issuedBy", "Ban Chấp hành Trung ương Đảng") in triples(x)


def test_a_plan_with_its_date_and_issuer_implements_the_document_after_it() -> None:
    x = run(
        "Thời gian qua, quán triệt Kết luận số 80-KL/TW ngày 8/2/2014 của Ban Bí thư, Kế hoạch số 31-KH/TU "
        "ngày 3/3/2015 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 80-KL/TW của Ban Bí thư, công tác dân "
        "vận được các cấp ủy quan tâm."
    )
    assert ("Kế hoạch 31-KH/TU", "implements", "Kết luận 80-KL/TW") in triples(x)


_HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n|\nSố: 77/QĐ-UBND\n|\nAn Giang, ngày 09 tháng 3 năm 2022\n|\n"
    "QUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC\nCHUYỂN ĐỔI SỐ NĂM 2022\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
    "Căn cứ Quyết định số 12/QĐ-TTg ngày 1/2/2022 của Thủ tướng Chính phủ;\n"
    "Xét đề nghị của Giám đốc Sở Nội vụ, Chủ tịch UBND huyện Chợ Mới và Ủy ban nhân dân huyện Tri Tôn.\n"
)


def test_the_header_of_an_official_document_gives_its_date_title_and_issuer() -> None:
    x = run(_HEADER)
    (doc,) = [e for e in x.entities.values() if e.number == "77/QĐ-UBND"]
    assert doc.issued_on == "2022-03-09"
    assert (
        doc.title == "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2022"
    )  # the signer's line is not in it
    issuers = {o for s, p, o in triples(x) if s == "Quyết định 77/QĐ-UBND" and p == "issuedBy"}
    assert len(issuers) == 1 and "an giang" in issuers.pop().lower()


def test_a_header_on_one_line_with_bars() -> None:
    x = run(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 31/KH-UBND | Cà Mau, ngày 2 tháng 8 năm 2023 |\nKẾ HOẠCH\n"
        "TRIỂN KHAI PHONG TRÀO “VÌ NGƯỜI NGHÈO” TRÊN ĐỊA BÀN TỈNH\n"
        "Thực hiện chỉ đạo của Thủ tướng, Ủy ban nhân dân tỉnh Cà Mau ban hành kế hoạch như sau:\n"
    )
    (doc,) = [e for e in x.entities.values() if e.number == "31/KH-UBND"]
    assert (doc.issued_on, doc.title) == (
        "2023-08-02",
        "TRIỂN KHAI PHONG TRÀO “VÌ NGƯỜI NGHÈO” TRÊN ĐỊA BÀN TỈNH",
    )


def test_a_provincial_departments_code_names_the_issuer() -> None:
    x = run(
        "Xét đề nghị của Giám đốc Sở Tư pháp tỉnh Sơn La tại Tờ trình số 88/TTr-STP ngày 2/3/2021, "
        "Ủy ban nhân dân tỉnh Sơn La quyết định."
    )
    assert ("Tờ trình 88/TTr-STP", "issuedBy", "Sở Tư pháp tỉnh Sơn La") in triples(x)


def test_a_documents_date_and_issuer_on_the_next_line_of_a_wrapped_page() -> None:
    x = run(
        "Căn cứ Nghị định số 55/2019/NĐ-CP\nngày 24 tháng 6 năm 2019 của Chính phủ về hỗ trợ pháp lý;\n"
        "Căn cứ Luật Đất đai\nngày 29/11/2013;"
    )
    dates = {e.label: e.issued_on for e in x.entities.values() if e.kind in ("Decree", "Law")}
    assert dates == {"Nghị định 55/2019/NĐ-CP": "2019-06-24", "Luật Đất đai": "2013-11-29"}
    assert ("Nghị định 55/2019/NĐ-CP", "issuedBy", "Chính phủ") in triples(x)


def test_a_header_naming_its_body_without_the_province_is_read_with_the_place_of_signing() -> None:
    x = run(
        "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 12/2024/NQ-HĐND | Ninh Thuận, ngày 5 tháng 7 năm 2024 |\nNGHỊ QUYẾT\nVỀ GIÁ ĐẤT\n"
        "Xét Tờ trình của Hội đồng nhân dân tỉnh Ninh Thuận và ý kiến của Hội đồng nhân dân huyện Ninh Hải.\n"
    )
    assert ("Nghị quyết 12/2024/NQ-HĐND", "issuedBy", "Hội đồng nhân dân tỉnh Ninh Thuận") in triples(x)


def test_the_headers_motto_and_capital_title_name_nobody_and_its_body_is_the_issuer() -> None:
    x = run(_HEADER)
    got = {e.label for e in x.entities.values()}
    assert not [n for n in got if "CHỦ NGHĨA" in n.upper() or "TỔ CÔNG TÁC" in n.upper()], got
    councils = [e for e in x.entities.values() if e.label.lower().startswith("ủy ban nhân dân tỉnh")]
    assert len(councils) == 1 and "Ủy ban nhân dân" not in got, got


def test_a_plenums_resolution_is_issued_by_the_central_committee_the_article_names() -> None:
    x = run(
        "Huyện ủy quán triệt Nghị quyết Trung ương 8 (khóa XIII). Hội nghị lần thứ 8 Ban Chấp hành "
        "Trung ương Đảng khóa XIII đã thông qua nghị quyết này."
    )
    assert ("Nghị quyết Trung ương 8 (khóa XIII)", "issuedBy", "Ban Chấp hành Trung ương Đảng") in triples(x)


def test_a_joint_circular_is_issued_by_each_body_its_code_names() -> None:
    x = run(
        "Căn cứ Thông tư liên tịch số 05/2015/TTLT-BTC-BNV của Bộ Tài chính và Bộ Nội vụ về kinh phí. "
        "Bộ Tài chính và Bộ Nội vụ hướng dẫn thực hiện."
    )
    got = {o for s, p, o in triples(x) if p == "issuedBy"}
    assert {"Bộ Tài chính", "Bộ Nội vụ"} <= got, got


def test_a_law_followed_by_its_date_in_the_sentence_takes_it() -> None:
    x = run("Căn cứ Luật Đất đai ngày 29/11/2013; Luật Đầu tư công được sửa đổi.")
    dates = {e.label: e.issued_on for e in x.entities.values() if e.kind == "Law"}
    assert dates["Luật Đất đai"] == "2013-11-29"
