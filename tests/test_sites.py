"""Names that open with a lower-case common word: streets and roads, bridges and tunnels,
buildings and residential areas (Location), and companies and schools written in lower case."""

from __future__ import annotations

import pytest
from helpers import names, run, triples


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Vụ cháy xảy ra trên đường Phan Đăng Lưu, quận Phú Nhuận.", "đường Phan Đăng Lưu"),
        ("Cửa hàng nằm trên phố Hàng Bạc từ năm 1990.", "phố Hàng Bạc"),
        ("Dự án mở rộng đại lộ Võ Văn Kiệt bị chậm.", "đại lộ Võ Văn Kiệt"),
        ("Kẹt xe kéo dài ở ngã tư Nguyễn Văn Cừ mỗi sáng.", "ngã tư Nguyễn Văn Cừ"),
        ("Hàng trăm hộ sẽ chuyển về chung cư Phạm Viết Chánh.", "chung cư Phạm Viết Chánh"),
        ("Nhiều hộ ở cư xá Nguyễn Trung Trực phản ánh tình trạng ngập.", "cư xá Nguyễn Trung Trực"),
        ("Các hộ dân được bố trí về khu tái định cư Tân Hóa.", "khu tái định cư Tân Hóa"),
        ("Xe không được đi vào hầm chui Thủ Đức sau 22 giờ.", "hầm chui Thủ Đức"),
        ("Du khách tham quan thành cổ Sơn Tây vào cuối tuần.", "thành cổ Sơn Tây"),
    ],
)
def test_a_lower_case_site_word_and_its_name_is_a_place(text: str, site: str) -> None:
    got = names(run(text))
    assert got.get(site) == "Location", got


def test_a_street_named_after_a_person_is_no_person() -> None:
    got = names(run("Vụ cháy xảy ra trên đường Phan Đăng Lưu và phố Trần Quang Khải."))
    assert got.get("đường Phan Đăng Lưu") == "Location", got
    assert got.get("phố Trần Quang Khải") == "Location", got
    assert got.get("Phan Đăng Lưu") != "Person" and got.get("Trần Quang Khải") != "Person", got


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Nhà ông ở hẻm 42 Lê Văn Sỹ từ lâu.", "hẻm 42 Lê Văn Sỹ"),
        ("Văn phòng đặt tại ngõ 7 Tạ Quang Bửu, Hà Nội.", "ngõ 7 Tạ Quang Bửu"),
        ("Xe buýt chạy trên đường 30 Tháng 4 mỗi ngày.", "đường 30 Tháng 4"),
        ("Cầu Bình Triệu đã sửa, cầu Rạch Chiếc 2 thì chưa thông xe.", "cầu Rạch Chiếc 2"),
    ],
)
def test_a_road_or_a_site_may_be_named_by_a_number(text: str, site: str) -> None:
    got = names(run(text))
    assert got.get(site) == "Location", got


@pytest.mark.parametrize(
    "text",
    [
        "Nhà cách đường 6 km về phía bắc, gần đường Phan Đăng Lưu.",
        "Xe chạy trên đường về Hà Nội; con đường đổi mới qua đường Phan Đăng Lưu.",
        "Người dân thành phố Huế ra đường Phan Đăng Lưu đón Tết.",
        "Dọc đường Công an tỉnh lập chốt, chặn đường Phan Đăng Lưu.",
    ],
)
def test_a_street_word_before_a_distance_a_verb_or_a_body_is_no_street(text: str) -> None:
    got = names(run(text))
    assert [n for n in got if n.startswith(("đường", "phố"))] == ["đường Phan Đăng Lưu"], got


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Ông là giám đốc công ty du lịch Sao Mai từ năm 2005.", "công ty du lịch Sao Mai", "Enterprise"),
        ("Ông là giám đốc công ty cổ phần Thành Đạt từ năm 2005.", "công ty cổ phần Thành Đạt", "Enterprise"),
        ("Hợp đồng được ký với công ty Vinamilk hôm qua.", "công ty Vinamilk", "Enterprise"),
        ("Học sinh trường THPT Lê Quý Đôn đạt giải.", "trường THPT Lê Quý Đôn", "EducationalInstitution"),
    ],
)
def test_a_body_written_in_lower_case_before_its_name(text: str, name: str, kind: str) -> None:
    got = names(run(text))
    assert got.get(name) == kind, got


def test_a_lower_case_company_of_a_country_or_without_a_name_is_no_body() -> None:
    got = names(run("Bà làm ở công ty Nhật Bản, còn công ty chúng tôi ký với công ty Vinamilk."))
    assert [n for n in got if n.startswith("công ty")] == ["công ty Vinamilk"], got


def test_a_sites_proper_name_is_its_alias_unless_it_names_something_else() -> None:
    x = run("Vụ cháy xảy ra trên đường Phan Đăng Lưu, gần cầu Sài Gòn và sông Hồng.")
    aliases = {e.label: e.aliases for e in x.entities.values()}
    assert aliases["đường Phan Đăng Lưu"] == ("Phan Đăng Lưu",), aliases
    assert aliases["cầu Sài Gòn"] == () and aliases["sông Hồng"] == (), aliases
    x = run("Ông Trần Phú sống trên đường Trần Phú.")
    got = {e.label: (e.kind, e.aliases) for e in x.entities.values()}
    assert got == {"Trần Phú": ("Person", ()), "đường Trần Phú": ("Location", ())}, got


def test_two_sites_of_one_name_leave_the_name_alone_to_neither() -> None:
    x = run("Tiểu thương chợ Cây Gõ dọn hàng ra bến Cây Gõ.")
    got = {e.label: e.aliases for e in x.entities.values()}
    assert got == {"chợ Cây Gõ": (), "bến Cây Gõ": ()}, got


def test_a_lower_case_body_whose_name_the_grammar_cuts_short_is_left_alone() -> None:
    x = run("Bệnh nhân được chuyển lên bệnh viện TW Cần Thơ, còn người nhà ở công ty Sông Đà.")
    got = names(x)
    assert got.get("công ty Sông Đà") == "Enterprise", got
    assert "bệnh viện TW" not in got and "Bệnh viện Trung ương" not in got, got


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Quân ta chiếm đồi A1 sau ba ngày.", "đồi A1"),
        ("Quân ta giữ cồn Tiên suốt mùa mưa.", "cồn Tiên"),
        ("Người dân khu tập thể Thanh Xuân Bắc phản ánh.", "khu tập thể Thanh Xuân Bắc"),
        ("Lễ hội miếu Bà Chúa Xứ thu hút du khách.", "miếu Bà Chúa Xứ"),
    ],
)
def test_hills_blocks_of_flats_and_shrines_are_sites(text: str, site: str) -> None:
    got = names(run(text))
    assert got.get(site) == "Location", got


def test_a_street_named_like_a_commune_has_its_name_as_alias_a_site_named_like_a_district_not() -> None:
    # Quang Trung, Lê Lợi: wards and communes in many provinces, and streets everywhere
    x = run("Xe buýt chạy qua đường Quang Trung rồi qua sông Hướng Hóa.")
    aliases = {e.label: e.aliases for e in x.entities.values()}
    assert aliases.get("đường Quang Trung") == ("Quang Trung",), aliases
    assert aliases.get("sông Hướng Hóa") == (), aliases


def test_a_school_named_after_a_person_or_a_place_is_a_school() -> None:
    x = run("Cô giáo trường Nguyễn Thị Minh Khai và học sinh trường Gia Định đạt giải.")
    got = {e.label: (e.kind, e.aliases) for e in x.entities.values()}
    assert got == {
        "trường Nguyễn Thị Minh Khai": ("EducationalInstitution", ("Nguyễn Thị Minh Khai",)),
        "trường Gia Định": ("EducationalInstitution", ("Gia Định",)),
    }, got


def test_the_market_and_the_environment_are_no_school() -> None:
    got = names(run("Trên thị trường Mỹ và môi trường Hà Nội, trường Chu Văn An nổi tiếng."))
    assert [n for n in got if "trường" in n] == ["trường Chu Văn An"], got


def test_schools_counted_of_a_country_or_by_a_letter_are_no_school() -> None:
    text = "Có 5 trường Polytechnic, các trường Singapore, trường A và trường Lê Hồng Phong."
    got = names(run(text))
    assert [n for n in got if n.startswith("trường")] == ["trường Lê Hồng Phong"], got


def test_some_offices_or_many_companies_are_no_body() -> None:
    text = "Bộ huy động một số sở TN-MT, nhiều công ty Vinamilk và công ty Sao Mai."
    got = {n.lower() for n in names(run(text))}
    assert {n for n in got if n.startswith(("sở", "công ty"))} == {"công ty sao mai"}, got


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Học sinh trường Lê Quý Đôn Hà Nội đạt giải.", "trường Lê Quý Đôn"),
        ("Xây lô D chung cư Ngô Gia Tự Mô hình lô D chung cư.", "chung cư Ngô Gia Tự"),
    ],
)
def test_a_site_named_after_a_person_ends_before_a_city_or_a_word(text: str, site: str) -> None:
    assert site in names(run(text)), names(run(text))


def test_a_school_named_by_trường_may_act() -> None:
    x = run("Năm nay, trường Nguyễn Thị Minh Khai phối hợp với Hội Khuyến học tỉnh Bình Dương tổ chức lễ.")
    assert triples(x) == {("trường Nguyễn Thị Minh Khai", "cooperatesWith", "Hội Khuyến học tỉnh Bình Dương")}


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Kiểm lâm tuần tra khu bảo tồn thiên nhiên Bù Gia Mập.", "khu bảo tồn thiên nhiên Bù Gia Mập"),
        ("Đoàn dâng hương ở khu di tích lịch sử Pác Bó sáng qua.", "khu di tích lịch sử Pác Bó"),
        ("Hàng hóa dồn về ga xe lửa Diêu Trì mỗi ngày.", "ga xe lửa Diêu Trì"),
        ("Du khách đến khu du lịch sinh thái Vàm Sát ngày càng đông.", "khu du lịch sinh thái Vàm Sát"),
    ],
)
def test_a_lower_case_word_that_says_what_kind_of_site_stays_in_its_name(text: str, site: str) -> None:
    got = names(run(text))
    assert got.get(site) == "Location", got


def test_a_site_named_after_a_site_it_holds_is_one_place() -> None:
    got = names(run("Khách nghỉ ở khu du lịch sinh thái hồ Tuyền Lâm hai ngày."))
    assert got.get("khu du lịch sinh thái hồ Tuyền Lâm") == "Location", got
    assert "hồ Tuyền Lâm" not in got, got


def test_a_region_is_miền_and_its_compass_word_with_the_region_or_country_it_is_of() -> None:
    got = names(run("Hạn kéo dài ở miền Tây Nam Bộ, miền Bắc Trung Bộ và miền Nam Việt Nam cũ."))
    assert {n: k for n, k in got.items() if k == "Location"} == {
        "miền Tây Nam Bộ": "Location",
        "miền Bắc Trung Bộ": "Location",
        "miền Nam Việt Nam": "Location",
    }, got
    body = names(run("Mặt trận Dân tộc Giải phóng miền Nam Việt Nam ra đời năm 1960."))
    assert body.get("Mặt trận Dân tộc Giải phóng miền Nam Việt Nam") == "Organization", body
    assert "miền Nam Việt Nam" not in body, body


def test_a_compass_word_and_a_country_are_no_old_province() -> None:
    got = names(run("Lũ quét cuốn trôi nhiều nhà ở miền Bắc Thái Lan tuần qua."))
    assert got.get("miền Bắc Thái Lan") == "Location", got
    assert "Bắc Thái" not in got, got


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Đại biểu dự lễ ở Hội trường Diên Hồng rồi xem đấu ở Nhà thi đấu Tân Bình.", "Hội trường Diên Hồng"),
        ("Đại biểu dự lễ ở Hội trường Diên Hồng rồi xem đấu ở Nhà thi đấu Tân Bình.", "Nhà thi đấu Tân Bình"),
        ("Du khách xếp hàng vào thăm Dinh Thống Nhất mỗi sáng.", "Dinh Thống Nhất"),
        ("Chuyến tàu rời Ga Diêu Trì lúc 6 giờ.", "Ga Diêu Trì"),
    ],
)
def test_a_halls_a_palaces_or_a_stations_word_written_with_a_capital_is_a_site(text: str, site: str) -> None:
    got = names(run(text))
    assert got.get(site) == "Location", got


def test_a_site_word_with_a_capital_inside_a_persons_name_is_no_site() -> None:
    got = names(run("Ông Lê Văn Dinh Hải cho biết tàu rời Ga Diêu Trì lúc 6 giờ."))
    assert "Dinh Hải" not in got and got.get("Ga Diêu Trì") == "Location", got


def test_a_site_written_twice_in_a_row_ends_where_its_second_writing_starts() -> None:
    got = names(run("Dinh Thống Nhất Dinh Thống Nhất từng là nơi làm việc của chính quyền cũ."))
    assert "Dinh Thống Nhất" in got and not any(n.startswith("Dinh Thống Nhất Dinh") for n in got), got


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Nông dân đồng bằng sông Cửu Long vào vụ đông xuân.", "đồng bằng sông Cửu Long"),
        ("Các tỉnh vùng đồng bằng sông Hồng họp bàn về lũ.", "vùng đồng bằng sông Hồng"),
        ("Tàu đánh cá neo lại ở mũi Cà Mau chờ bão tan.", "mũi Cà Mau"),
        ("Đoàn leo lên cao nguyên Lâm Viên trong hai ngày.", "cao nguyên Lâm Viên"),
        ("Người dân ở lòng chảo Mường Thanh gặt lúa.", "lòng chảo Mường Thanh"),
        ("Du khách dạo quanh bán đảo Sơn Trà buổi sớm.", "bán đảo Sơn Trà"),
        ("Thiếu nhi vui chơi ở vườn hoa Lý Thái Tổ.", "vườn hoa Lý Thái Tổ"),
    ],
)
def test_plains_capes_plateaus_valleys_peninsulas_and_gardens_are_sites(text: str, site: str) -> None:
    got = names(run(text))
    assert got.get(site) == "Location", got


def test_a_site_word_of_two_words_written_with_capitals_opens_the_name() -> None:
    got = names(run("Giá đất ở Khu đô thị Tây Hồ Tây tăng."))
    assert got.get("Khu đô thị Tây Hồ Tây") == "Location", got


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Máy bay hạ cánh xuống sân bay quốc tế Phú Thành lúc 9 giờ.", "sân bay quốc tế Phú Thành"),
        ("Du khách đến khu du lịch Hòa Thành - Núi Đỏ ngày càng đông.", "khu du lịch Hòa Thành - Núi Đỏ"),
    ],
)
def test_a_capitalised_word_that_opens_some_site_does_not_end_a_name(text: str, site: str) -> None:
    got = names(run(text))
    assert got.get(site) == "Location", got


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Xe chở đá từ mỏ đá Tân Đông Hiệp ra cảng.", "mỏ đá Tân Đông Hiệp"),
        ("Công nhân mỏ than Khe Chàm làm ca đêm.", "mỏ than Khe Chàm"),
        ("Người dân dâng hương ở phủ Dày suốt mùa lễ hội.", "phủ Dày"),
    ],
)
def test_mines_and_shrines_are_sites(text: str, site: str) -> None:
    got = names(run(text))
    assert got.get(site) == "Location", got
