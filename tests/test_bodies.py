"""One node per national body whatever its spelling; foreign bodies and people stay apart."""

from __future__ import annotations

from helpers import names, run

from kgraph.extract.bodies import body_of


def test_spellings_of_a_ministry_are_one_node() -> None:
    x = run(
        "Bộ GD-ĐT vừa yêu cầu các trường rà soát. Theo Bộ Giáo dục - Đào tạo, Bộ GDĐT Việt Nam sẽ kiểm tra."
    )
    bodies = [e for e in x.entities.values() if e.label.startswith("Bộ")]
    assert [e.label for e in bodies] == ["Bộ Giáo dục và Đào tạo"]
    assert {"Bộ GD-ĐT", "Bộ Giáo dục - Đào tạo", "Bộ GDĐT Việt Nam"} <= set(bodies[0].aliases)
    assert bodies[0].kind == "StateAgency"


def test_a_person_is_never_part_of_a_body_name() -> None:
    x = run("Thứ trưởng Bộ GD-ĐT Phạm Minh Hùng cho biết đề án đã xong.")
    found = names(x)
    assert found["Phạm Minh Hùng"] == "Person"
    assert "Bộ GD-ĐT Phạm Minh Hùng" not in found
    assert found["Bộ Giáo dục và Đào tạo"] == "StateAgency"


def test_foreign_bodies_stay_apart() -> None:
    x = run("Bộ Giáo dục Pháp và Bộ Giáo dục và Đào tạo ký thỏa thuận.")
    assert {"Bộ Giáo dục Pháp", "Bộ Giáo dục và Đào tạo"} <= {e.label for e in x.entities.values()}
    assert body_of("Bộ Ngoại giao Nhật Bản") is None


def test_party_and_assembly_bodies_by_abbreviation() -> None:
    assert body_of("Ban Tổ chức T.Ư") == ("Ban Tổ chức Trung ương", "PartyAgency")
    assert body_of("UBTVQH") == ("Ủy ban Thường vụ Quốc hội", "StateAgency")
    assert body_of("Tổng LĐLĐVN") == ("Tổng Liên đoàn Lao động Việt Nam", "MassOrganization")
    assert body_of("Hội Nông dân") is None  # a province's association named short: not the national one


def test_a_foreign_government_is_not_the_government() -> None:
    x = run("Chính phủ New Zealand đã tài trợ dự án. Chính phủ Việt Nam cảm ơn.")
    labels = {e.label: e for e in x.entities.values()}
    assert "Chính phủ New Zealand" in labels
    assert "Chính phủ Việt Nam" in labels["Chính phủ"].aliases
    assert "Chính phủ Việt Nam" not in labels["Chính phủ New Zealand"].aliases


def test_the_short_name_of_a_ministry_is_not_a_foreign_one() -> None:
    x = run("Bộ Ngoại giao Nhật Bản và Bộ Ngoại giao cùng dự.")
    assert {"Bộ Ngoại giao Nhật Bản", "Bộ Ngoại giao"} <= {e.label for e in x.entities.values()}


def test_an_abbreviation_with_the_country_glued_on_is_the_national_body() -> None:
    from kgraph.extract.bodies import body_of

    assert body_of("Hội NDVN") == body_of("Hội Nông dân Việt Nam") is not None
    assert body_of("Hội LHPNVN") == body_of("Hội Liên hiệp Phụ nữ Việt Nam") is not None
    assert body_of("Hội VN") is None


def test_a_list_number_glued_to_a_ministry_is_not_part_of_its_name() -> None:
    # numbered lists whose line breaks were lost: '… Bộ trưởng Bộ Tài Chính12. Nguyễn Văn Chi …'
    x = run(
        "Nguyễn Sinh Hùng - Bộ trưởng Bộ Tài Chính12. Nguyễn Văn Chi - Chủ nhiệm Ủy ban Kiểm tra. "
        "Lê Hồng Anh - Đại tướng, Bộ trưởng Bộ Công an3. Nguyễn Tấn Dũng - Phó Thủ tướng. "
        "Trương Tấn Sang - Trưởng Ban Kinh tế Trung ương3. "
        "Phan Diễn - Chủ tịch Hội đồng Lý luận Trung ương7. Lê Minh Hương."
    )
    labels = {e.label for e in x.entities.values() if e.key.startswith("org|")}
    assert {
        "Bộ Tài chính",
        "Bộ Công an",
        "Ban Kinh tế Trung ương",
        "Hội đồng Lý luận Trung ương",
    } <= labels, labels
    assert not any(any(c.isdigit() for c in label) for label in labels), labels


def test_newspapers_and_broadcasters_are_organisations_one_node_whatever_the_spelling() -> None:
    x = run(
        "(NLĐ)- Sáng 15-1, ông Tâm nói với phóng viên Tuổi Trẻ và báo Nhân Dân rằng VTV1 sẽ đưa tin. "
        "Người Lao Động đã phản ánh việc này."
    )
    got = names(x)
    for name in ("NLĐ", "Người Lao Động", "Tuổi Trẻ", "Nhân Dân", "VTV1"):
        assert got.get(name) == "Organization", (name, got)
    labels = [e.label for e in x.entities.values()]
    assert labels.count("Người Lao Động") == 1, labels
    keys = {e.key for e in run("Theo VnExpress, UBND tỉnh đã họp.").entities.values()}
    assert keys & {e.key for e in run("Phóng viên VnExpress.net có mặt.", title="B").entities.values()}
    # a name that is an ordinary word or a place too needs a word that introduces a newspaper
    got = names(run("Ông là người con của Nhân Dân, Tiền Phong là tên một xã."))
    assert got.get("Nhân Dân") != "Organization" and got.get("Tiền Phong") != "Organization", got


def test_a_person_glued_after_a_foreign_body_is_a_person() -> None:
    x = run("Bộ trưởng Bộ Cựu chiến binh Mỹ James Nicholson đã thăm Hà Nội. Bộ Nông nghiệp họp.")
    got = names(x)
    assert got.get("Bộ Cựu chiến binh Mỹ") == "StateAgency", got
    assert got.get("James Nicholson") == "Person", got
    # the ministry named short is the ministry
    assert "Bộ Nông nghiệp và Phát triển nông thôn" in {e.label for e in x.entities.values()}, got


def test_a_newspaper_after_the_word_bao_is_named_with_it() -> None:
    # 'báo X' is how a paper is named in running text: the node keeps both spellings
    x = run("Cuộc thi do báo Thanh Niên tổ chức tại Cần Thơ. Thanh Niên sẽ trao giải.")
    papers = [e for e in x.entities.values() if e.label == "Thanh Niên"]
    assert len(papers) == 1 and "báo Thanh Niên" in papers[0].aliases, papers
    # a journalist (nhà báo) is no part of the paper's name
    got = names(run("Ông Hùng, nhà báo Tuổi Trẻ, đã có mặt từ sớm."))
    assert "báo Tuổi Trẻ" not in got and got.get("Tuổi Trẻ") == "Organization", got
