"""Document numbers, types, dates, terms, titles and issuers."""

from __future__ import annotations

import pytest
from helpers import names, run, triples

from kgraph.extract.rules import find_documents


@pytest.mark.parametrize(
    ("text", "label", "kind", "number"),
    [
        ("Chỉ thị 05-CT/TW", "Chỉ thị 05-CT/TW", "Directive", "05-CT/TW"),  # Party: number-TYPE/ISSUER
        ("Quy định số 55-QĐ/TW", "Quy định 55-QĐ/TW", "Regulation", "55-QĐ/TW"),  # the word beats the code
        ("08-QĐi/TW", "Quy định 08-QĐi/TW", "Regulation", "08-QĐi/TW"),  # type from the code alone
        ("Nghị quyết 35- NQ/TW", "Nghị quyết 35-NQ/TW", "Resolution", "35-NQ/TW"),  # drifting spaces
        ("Nghị định 30/2020/NĐ-CP", "Nghị định 30/2020/NĐ-CP", "Decree", "30/2020/NĐ-CP"),  # state, with year
        (
            "Nghị định số 11-2006/NĐ-CP",
            "Nghị định 11/2006/NĐ-CP",
            "Decree",
            "11/2006/NĐ-CP",
        ),  # hyphen before year
        ("Chỉ thị số 06/CT-TTg", "Chỉ thị 06/CT-TTg", "Directive", "06/CT-TTg"),
        (
            "công văn 326/UBND-KGVX",
            "Công văn 326/UBND-KGVX",
            "LegalDocument",
            "326/UBND-KGVX",
        ),  # no type code
        ("Quyết định 700 QĐ/TTG", "Quyết định 700/QĐ-TTg", "Decision", "700/QĐ-TTg"),  # case error in issuer
        ("Kế hoạch 21-KH/ĐUK", "Kế hoạch 21-KH/ĐUK", "Plan", "21-KH/ĐUK"),
        ("thông báo số 57 – TB/TW", "Thông báo 57-TB/TW", "Notice", "57-TB/TW"),  # an en dash
        ("Tờ trình số 41/TTr-SNV", "Tờ trình 41/TTr-SNV", "LegalDocument", "41/TTr-SNV"),
    ],
)
def test_document_numbers(text: str, label: str, kind: str, number: str) -> None:
    (doc,) = find_documents(text)
    assert (doc.label, doc.kind, doc.number) == (label, kind, number)


def test_dates_are_not_document_numbers() -> None:
    assert find_documents("ngày 15/5/2016 và 12-3-2020, lúc 7/8") == []


def test_plenum_resolution_with_term_and_quoted_title() -> None:
    x = run(
        "Triển khai Nghị quyết Trung ương 4 (khóa XII) “Về tăng cường xây dựng “tự diễn biến” trong nội bộ”."
    )
    (doc,) = [e for e in x.entities.values() if e.kind == "Resolution"]
    assert doc.term == "XII"
    assert doc.title == "Về tăng cường xây dựng “tự diễn biến” trong nội bộ"  # nested quotes kept


def test_date_issuer_and_title_after_number() -> None:
    x = run("Thực hiện Chỉ thị 05-CT/TW ngày 15-5-2016 của Bộ Chính trị về “Đẩy mạnh học tập”.")
    (doc,) = [e for e in x.entities.values() if e.kind == "Directive"]
    assert (doc.issued_on, doc.title) == ("2016-05-15", "Đẩy mạnh học tập")
    assert ("Chỉ thị 05-CT/TW", "issuedBy", "Bộ Chính trị") in triples(x)


def test_short_reference_resolves_to_the_numbered_document() -> None:
    x = run("Tỉnh ủy ban hành Chỉ thị 05-CT/TU. Việc thực hiện Chỉ thị 05 đạt kết quả tốt.")
    directives = [e for e in x.entities.values() if e.kind == "Directive"]
    assert len(directives) == 1 and "Chỉ thị 05" in directives[0].aliases


def test_documents_merge_by_number_not_by_similarity() -> None:
    x = run("Quy định 55-QĐ/TW và Quy định 56-QĐ/TW. Nhắc lại Quy định số 55-QĐ/TW.")
    assert sorted(e.number for e in x.entities.values()) == ["55-QĐ/TW", "56-QĐ/TW"]


def test_issuer_from_code_when_the_body_is_named() -> None:
    x = run("Đảng ủy Khối Doanh nghiệp tỉnh họp. Đảng ủy Khối ban hành Kế hoạch 21-KH/ĐUK về việc học tập.")
    assert ("Kế hoạch 21-KH/ĐUK", "issuedBy", "Đảng ủy Khối Doanh nghiệp tỉnh") in triples(x)


def test_fronted_clause_document_chain() -> None:
    x = run(
        "Thực hiện Chỉ thị số 06/CT-TTg của Thủ tướng Chính phủ, Bộ Y tế đã ban hành Quyết định 1234/QĐ-BYT."
    )
    got = triples(x)
    assert ("Bộ Y tế", "implements", "Chỉ thị 06/CT-TTg") in got
    assert ("Quyết định 1234/QĐ-BYT", "issuedBy", "Bộ Y tế") in got
    assert ("Quyết định 1234/QĐ-BYT", "implements", "Chỉ thị 06/CT-TTg") in got
    assert ("Chỉ thị 06/CT-TTg", "issuedBy", "Thủ tướng Chính phủ") in got


def test_date_at_the_head_of_the_sentence_that_issues_the_document() -> None:
    x = run(
        "Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị 05-CT/TW. "
        "Ngày 1/1/2017, Tỉnh ủy học tập Chỉ thị 06-CT/TW."
    )
    dates = {e.number: e.issued_on for e in x.entities.values() if e.number}
    assert dates == {"05-CT/TW": "2016-05-15", "06-CT/TW": ""}  # studied on that day, not issued


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a law's name runs on in lower case, past seven words
        (
            "theo Luật Ban hành văn bản quy phạm pháp luật năm 2008",
            "Luật Ban hành văn bản quy phạm pháp luật",
        ),
        # and stops at the verb that follows it
        ("Bộ luật Dân sự quy định rõ quyền sở hữu", "Bộ luật Dân sự"),
        ("Luật Đất đai nêu rõ trách nhiệm của Nhà nước", "Luật Đất đai"),
        ("Luật Doanh nghiệp tạo điều kiện cho doanh nghiệp", "Luật Doanh nghiệp"),
        ("Pháp lệnh Thú y có hiệu lực từ ngày 1/1", "Pháp lệnh Thú y"),
        ("Luật Bảo vệ môi trường", "Luật Bảo vệ môi trường"),
        # a stop word that completes a word with the one before it belongs to the name
        ("Luật Hàng không dân dụng không cho phép điều đó", "Luật Hàng không dân dụng"),
        ("Luật Kinh doanh bất động sản đưa ra nhiều quy định", "Luật Kinh doanh bất động sản"),
        ("Luật Tổ chức Quốc hội hiện hành quy định", "Luật Tổ chức Quốc hội"),
        ("Luật Đất đai nhưng chưa", "Luật Đất đai"),
        ("hội thảo về Luật Thủy lợi diễn ra ngày 2/3", "Luật Thủy lợi"),
        # a body's organisation law names two bodies
        ("Căn cứ Luật Tổ chức HĐND và UBND năm 2003", "Luật Tổ chức HĐND và UBND"),
        (
            "theo Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân",
            "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân",
        ),
    ],
)
def test_law_names_end_where_the_sentence_goes_on(text: str, name: str) -> None:
    (doc,) = find_documents(text)
    assert doc.label == name


def test_a_school_of_law_is_not_a_law() -> None:
    assert find_documents("sinh viên Trường ĐH Luật TP HCM nhận đơn phúc khảo") == []
    assert find_documents("cử nhân khoa Luật Quốc tế của trường") == []


@pytest.mark.parametrize(
    ("text", "label", "kind"),
    [
        # a type word followed by what kind of it is: the whole phrase names the type
        ("Thông báo kết luận số 25-TB/TU của Ban Thường vụ", "Thông báo kết luận 25-TB/TU", "Notice"),
        ("xây dựng Chương trình hành động số 05-CTr/TU", "Chương trình hành động 05-CTr/TU", "Program"),
        ("ban hành Kế hoạch hành động số 12-KH/TU", "Kế hoạch hành động 12-KH/TU", "Plan"),
    ],
)
def test_compound_type_words(text: str, label: str, kind: str) -> None:
    (doc,) = find_documents(text)
    assert (doc.label, doc.kind) == (label, kind)
    assert "số" in doc.text  # the surface form, kept as an alias, is the whole phrase


@pytest.mark.parametrize(
    "text",
    [
        "thực hiện Nghị quyết Đại hội XIII của Đảng",
        "quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Nghị quyết Đại hội lần thứ XIII",
    ],
)
def test_the_resolution_of_a_national_party_congress(text: str) -> None:
    x = run(text)
    docs = [e for e in x.entities.values() if e.kind == "Resolution"]
    assert [d.label for d in docs] == ["Nghị quyết Đại hội XIII"]


def test_a_ministrys_code_names_the_issuer_the_article_mentions() -> None:
    x = run("Bộ trưởng Bộ Tài chính Hồ Đức Phớc ký Thông tư số 15/2022/TT-BTC hướng dẫn quản lý kinh phí.")
    assert ("Thông tư 15/2022/TT-BTC", "issuedBy", "Bộ Tài chính") in triples(x)


def test_a_plenum_resolutions_written_form_has_no_trailing_space() -> None:
    x = run("Nghị quyết Trung ương 4 khóa XIII và Quy định số 37-QĐ/TW được quán triệt.")
    assert all(n == n.strip() for n in names(x))


def test_the_issuer_of_a_conclusion_of_a_plenum_is_the_committee() -> None:
    x = run(
        "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp hành "
        "Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị, "
        "Huyện ủy ban hành kế hoạch."
    )
    assert ("Kết luận 21-KL/TW", "issuedBy", "Ban Chấp hành Trung ương Đảng") in triples(x)
    (doc,) = [e for e in x.entities.values() if e.kind == "Conclusion"]
    assert doc.title.startswith("đẩy mạnh xây dựng, chỉnh đốn Đảng")


def test_a_project_named_in_straight_quotes() -> None:
    x = run('Đề án "Phát triển văn hóa đọc trong cộng đồng" được Sở Văn hóa, Thể thao và Du lịch triển khai.')
    projects = [e for e in x.entities.values() if e.kind == "Project"]
    assert len(projects) == 1 and "Phát triển văn hóa đọc trong cộng đồng" in projects[0].label


def test_document_type_labels_come_from_doc_codes() -> None:
    """One table per fact: a TTLT or BC number's type is labelled with its Vietnamese name."""
    from helpers import run
    from rdflib import Literal
    from rdflib.namespace import SKOS

    from kgraph.rdf import build_triples

    x = run("Bộ Nội vụ ban hành Thông tư liên tịch 01/2015/TTLT-BNV-BTC và Báo cáo 12/BC-UBND.")
    labels = {str(o) for s, p, o in build_triples(x) if p == SKOS.prefLabel and "/doctype/" in str(s)}
    assert {"Thông tư liên tịch", "Báo cáo"} <= labels, labels
    assert Literal("TTLT", lang="vi") not in {o for _, p, o in build_triples(x) if p == SKOS.prefLabel}


def _doc(text: str, number: str):  # type: ignore[no-untyped-def]
    x = run(text)
    (doc,) = [e for e in x.entities.values() if e.number == number]
    return x, doc


def test_a_title_in_straight_quotes_after_ve() -> None:
    _, doc = _doc(
        "Đảng ủy quán triệt Nghị quyết số 12-NQ/TW ngày 3-4-2019 của Bộ Chính trị "
        'về "Tăng cường công tác dân vận".',
        "12-NQ/TW",
    )
    assert doc.title == "Tăng cường công tác dân vận"


def test_a_title_after_ve_viec_ends_before_the_main_clause() -> None:
    x, doc = _doc(
        "Thực hiện Quyết định số 77/QĐ-UBND ngày 9/8/2023 của UBND huyện về việc kiện toàn tổ công tác, "
        "Phòng Nội vụ huyện đã tổ chức rà soát.",
        "77/QĐ-UBND",
    )
    assert doc.title == "kiện toàn tổ công tác"


def test_a_title_may_name_the_document_it_carries_on() -> None:
    _, doc = _doc(
        "Thực hiện Kết luận số 14-KL/TW ngày 2/6/2022 của Ban Bí thư về tiếp tục thực hiện Chỉ thị "
        "số 33-CT/TW của Ban Bí thư về tăng cường sự lãnh đạo.",
        "14-KL/TW",
    )
    assert doc.title == "tiếp tục thực hiện Chỉ thị số 33-CT/TW của Ban Bí thư về tăng cường sự lãnh đạo"


def test_a_title_ends_before_the_next_document_of_a_list() -> None:
    _, doc = _doc(
        "Tỉnh ủy quán triệt Chỉ thị số 09-CT/TU về công tác dân vận và Kế hoạch số 30-KH/TU "
        "về chuyển đổi số.",
        "09-CT/TU",
    )
    assert doc.title == "công tác dân vận"


def test_an_issuer_named_by_its_head_post() -> None:
    x, doc = _doc(
        "Căn cứ Quyết định số 88/QĐ-UBND của Chủ tịch UBND huyện Tam Nông ngày 4/5/2022 về việc thành lập "
        "tổ công tác liên ngành.",
        "88/QĐ-UBND",
    )
    assert (doc.issued_on, doc.title) == ("2022-05-04", "thành lập tổ công tác liên ngành")
    assert ("Quyết định 88/QĐ-UBND", "issuedBy", "Ủy ban nhân dân huyện Tam Nông") in triples(x)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a conference named by what it does: the purpose and its object, to the year
        (
            "Sáng 3/3, Ban Dân vận Huyện ủy tổ chức Hội nghị sơ kết công tác dân vận, xây dựng "
            "hệ thống chính trị năm 2023. Đồng chí Lê Văn Hùng chủ trì.",
            "Hội nghị sơ kết công tác dân vận, xây dựng hệ thống chính trị năm 2023",
        ),
        # to the document it studies
        (
            "Thị ủy tổ chức hội nghị học tập, quán triệt Chỉ thị số 12-CT/TU ngày 4/4/2022 của "
            "Ban Thường vụ Tỉnh ủy về công tác cán bộ.",
            "Hội nghị học tập, quán triệt Chỉ thị số 12-CT/TU",
        ),
        # stopping where the sentence goes on
        (
            "Hội nghị tổng kết 10 năm thực hiện phong trào thi đua do Ủy ban nhân dân tỉnh tổ chức.",
            "Hội nghị tổng kết 10 năm thực hiện phong trào thi đua",
        ),
        (
            "Hội nghị tổng kết công tác khuyến học 5 năm 2016-2020 được tổ chức.",
            "Hội nghị tổng kết công tác khuyến học 5 năm 2016-2020",
        ),
        # the national bodies whose documents it studies, with their term
        (
            "Thị ủy tổ chức Hội nghị quán triệt các nghị quyết, kết luận của Bộ Chính trị, Ban Bí thư "
            "(khóa XIII) cho cán bộ chủ chốt.",
            "Hội nghị quán triệt các nghị quyết, kết luận của Bộ Chính trị, Ban Bí thư (khóa XIII)",
        ),
        # but not the local body that holds it
        (
            "Tại hội nghị triển khai quyết định của Bộ Chính trị về công tác cán bộ của Ban Thường vụ "
            "Tỉnh ủy Hà Nam, ông A phát biểu.",
            "Hội nghị triển khai quyết định của Bộ Chính trị về công tác cán bộ",
        ),
        # 'để' before the purpose; the next document of a list is not in the name
        (
            "Huyện ủy tổ chức Hội nghị để quán triệt, triển khai Nghị quyết Hội nghị lần thứ 8 của Ban "
            "Chấp hành Trung ương Đảng khóa XII và Nghị quyết số 36 của Bộ Chính trị.",
            "Hội nghị để quán triệt, triển khai Nghị quyết Hội nghị lần thứ 8 của Ban Chấp hành Trung ương "
            "Đảng khóa XII",
        ),
        # a quoted campaign it trains for
        (
            "Ủy ban MTTQ huyện tổ chức Hội nghị tập huấn CVĐ “Người Việt Nam ưu tiên dùng hàng Việt Nam” "
            "cho cán bộ.",
            "Hội nghị tập huấn CVĐ “Người Việt Nam ưu tiên dùng hàng Việt Nam”",
        ),
        ("Tỉnh ủy tổ chức hội nghị quán triệt.", None),  # named by nothing
        # a habit, not one meeting: no year, number, document or name says which
        ("Hằng quý tổ chức hội nghị đối thoại, giải đáp vướng mắc cho doanh nghiệp.", None),
        ("Hội nghị tổng kết đã thành công.", None),
    ],
)
def test_a_conference_named_by_its_purpose(text: str, event: str | None) -> None:
    got = [e.label for e in run(text).entities.values() if e.kind == "Event"]
    assert got == ([event] if event else [])


def test_the_date_heading_a_clause_after_a_semicolon() -> None:
    _, doc = _doc(
        "Thực hiện Chỉ thị số 06/CT-TTg của Thủ tướng Chính phủ về phòng dịch; ngày 3/2/2021, "
        "UBND tỉnh ban hành Công văn số 412/UBND-VX chỉ đạo các huyện.",
        "412/UBND-VX",
    )
    assert doc.issued_on == "2021-02-03"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Quy định số 30-QĐ/TW của Ban Chấp hành Trung ương về thi hành Chương VII Điều lệ Đảng "
            "cũng được phổ biến tới chi bộ.",
            "thi hành Chương VII Điều lệ Đảng",
        ),
        (
            "Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo xác định "
            "giáo dục là quốc sách hàng đầu.",
            "đổi mới căn bản, toàn diện giáo dục và đào tạo",
        ),
        (
            "Kết luận số 50-KL/TW về công tác dân vận đã chỉ rõ những hạn chế.",
            "công tác dân vận",
        ),
    ],
)
def test_a_title_after_ve_ends_before_the_verb_of_the_sentence(text: str, title: str) -> None:
    (doc,) = [e for e in run(text).entities.values() if e.number]
    assert doc.title == title


@pytest.mark.parametrize(
    ("text", "label", "surface"),
    [
        (
            "Tỉnh ủy ban hành Nghị quyết chuyên đề số 05-NQ/TU",
            "Nghị quyết 05-NQ/TU",
            "Nghị quyết chuyên đề số",
        ),
        (
            "hai bên ký Chương trình phối hợp số 12-CTr/MTTQ",
            "Chương trình 12-CTr/MTTQ",
            "Chương trình phối hợp số",
        ),
        ("Kế hoạch liên tịch số 07/KHLT-SGDĐT", "Kế hoạch 07/KHLT-SGDĐT", "Kế hoạch liên tịch số"),
    ],
)
def test_a_type_word_with_a_descriptor_before_the_number(text: str, label: str, surface: str) -> None:
    (doc,) = find_documents(text)
    assert (doc.label, doc.text.startswith(surface)) == (label, True)


def test_a_verb_before_a_bare_number_is_no_type_word() -> None:
    (doc,) = find_documents("theo quy định tại 30/2020/NĐ-CP")
    assert doc.kind == "Decree"


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII đề ra mục tiêu.",
        "Đại hội Đảng bộ xã Tân Lập lần thứ XXV, nhiệm kỳ 2025-2030 thành công.",
    ],
)
def test_a_congress_ordinal_is_not_part_of_the_body(text: str) -> None:
    orgs = [e.label for e in run(text).entities.values() if e.kind == "PartyOrganization"]
    assert len(orgs) == 1 and "lần" not in orgs[0]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Lễ kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2024) "
            "diễn ra trọng thể.",
            "Lễ kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam",
        ),
        (
            "Xã tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2023 tại thôn.",
            "Ngày hội Đại đoàn kết toàn dân tộc năm 2023",
        ),
        ("Lễ kỷ niệm diễn ra trang trọng.", None),
        ("Đại hội thi đua yêu nước, tổ chức cuộc thi viết “Thi đua làm giàu”.", None),
        # the opening of a congress: the congress is the event
        (
            "Sáng nay diễn ra Lễ khai mạc Đại hội đại biểu Hội Cựu chiến binh tỉnh Cà Mau lần thứ VII, "
            "nhiệm kỳ 2022 - 2027.",
            "Đại hội đại biểu Hội Cựu chiến binh tỉnh Cà Mau lần thứ VII, nhiệm kỳ 2022 - 2027",
        ),
        ("Tại Lễ kỷ niệm, ông Lê Văn Tám phát biểu.", None),
        (
            "Lễ mít tinh kỷ niệm 50 năm Ngày Giải phóng miền Nam 30/4 diễn ra.",
            "Lễ mít tinh kỷ niệm 50 năm Ngày Giải phóng miền Nam",
        ),
    ],
)
def test_a_ceremony_named_by_what_it_marks(text: str, event: str | None) -> None:
    got = [e.label for e in run(text).entities.values() if e.kind == "Event"]
    assert got == ([event] if event else [])


def test_a_bill_is_the_law_not_a_project() -> None:
    x = run("Quốc hội thảo luận Dự án Luật Đất đai (sửa đổi) và dự án Bộ luật Lao động (sửa đổi).")
    assert not [e for e in x.entities.values() if e.kind == "Project"]
    assert {"Luật Đất đai", "Bộ luật Lao động"} <= {e.label for e in x.entities.values() if e.kind == "Law"}


def test_a_laws_number() -> None:
    (doc,) = find_documents("Căn cứ Luật Tổ chức chính quyền địa phương số 65/2025/QH15;")
    assert (doc.label, doc.number) == ("Luật Tổ chức chính quyền địa phương", "65/2025/QH15")


def test_a_campaign_after_its_abbreviation() -> None:
    x = run("Các cấp triển khai CVĐ “Người Việt Nam ưu tiên dùng hàng Việt Nam” trên địa bàn.")
    assert [e.label for e in x.entities.values() if e.kind == "Campaign"] == [
        "Người Việt Nam ưu tiên dùng hàng Việt Nam"
    ]


def test_a_plenum_named_by_number_is_not_the_meeting_that_studies_its_resolution() -> None:
    x = run(
        "Huyện ủy tổ chức Hội nghị quán triệt Nghị quyết Hội nghị lần thứ 8 của Ban Chấp hành Trung ương "
        "Đảng khóa XIII. Nghị quyết Hội nghị lần thứ 8 có nhiều điểm mới."
    )
    events = sorted(e.label for e in x.entities.values() if e.kind == "Event")
    assert len(events) == 2 and events[1].startswith("Hội nghị quán triệt"), events


def test_a_congress_named_once_with_its_place_and_once_without_is_one_event() -> None:
    x = run(
        "Đại hội đại biểu Hội Cựu chiến binh tỉnh Cà Mau lần thứ VII nhiệm kỳ 2022-2027 khai mạc. "
        "Đại hội đại biểu Hội Cựu chiến binh tỉnh lần thứ VII nhiệm kỳ 2022-2027 bầu Ban Chấp hành."
    )
    assert len([e for e in x.entities.values() if e.kind == "Event"]) == 1


def test_a_short_reference_to_a_circular_letter_with_its_date_and_issuer() -> None:
    x = run(
        "Ủy ban MTTQ tỉnh triển khai Thông tri số 12 ngày 3-8-2021 của Ban Thường trực "
        "Ủy ban Trung ương MTTQ Việt Nam."
    )
    (doc,) = [e for e in x.entities.values() if e.label.startswith("Thông tri")]
    assert doc.issued_on == "2021-08-03"
    assert any(s == doc.label and p == "issuedBy" for s, p, _ in triples(x))


def test_a_quoted_project_name_wrapped_onto_the_next_line() -> None:
    x = run("Tỉnh phê duyệt Đề án “Phát triển du lịch\ncộng đồng giai đoạn 2021-2025”; các sở triển khai.")
    projects = [e.label for e in x.entities.values() if e.kind == "Project"]
    assert projects == ["Đề án Phát triển du lịch cộng đồng giai đoạn 2021-2025"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Ngày 5/6, Ủy ban Kiểm tra Trung ương đã họp Kỳ thứ 41.", "Kỳ thứ 41"),
        ("Trong nhiệm kỳ thứ 2, ông làm Chủ tịch.", None),  # a term, no session
        ("Học sinh vào học kỳ thứ 2.", None),
    ],
)
def test_a_commissions_session_written_ky_thu(text: str, event: str | None) -> None:
    got = [e.label for e in run(text).entities.values() if e.kind == "Event"]
    assert got == ([event] if event else [])
