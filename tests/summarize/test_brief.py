"""A brief's structure: lede first, self-contained sentences, anchored days, agreed numbers."""
from datetime import datetime

import pytest

from bantin.ingest.dates import VN_TZ
from bantin.models import Article
from bantin.summarize import summarize
from bantin.summarize.agree import figures, minority_reports
from bantin.summarize.features import build_view, is_sentence
from bantin.summarize.order import drop_discursive_opener, incomplete, leans_on_its_article, needs_predecessor, story_order
from bantin.summarize.select import Problem, solve


@pytest.mark.parametrize("sentence, expected", [
    ("Cụ thể, công an đã bắt giữ ba người tại hiện trường.", "Công an đã bắt giữ ba người tại hiện trường."),
    ("Trong khi đó, giá xăng tăng mạnh trong tuần qua.", "Giá xăng tăng mạnh trong tuần qua."),
    ("Tuy nhiên, lực lượng cứu hộ vẫn chưa tiếp cận được.", "Lực lượng cứu hộ vẫn chưa tiếp cận được."),
    ("Cụ thể, ông nói.", "Cụ thể, ông nói."),  # too little left to stand alone
])
def test_a_purely_discursive_opener_is_dropped(sentence, expected):
    assert drop_discursive_opener(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Sự việc xảy ra lúc 3h sáng tại quận Hoàng Mai.",
    "Trong đó, có hai trẻ em bị thương nặng.",
    "Tôi rất buồn khi nghe tin này.",
    "Chúng tôi sẽ làm rõ trách nhiệm của từng cá nhân.",
    "Công ty trên đã bị xử phạt 200 triệu đồng.",
    "Đối tượng nói trên bị bắt khi đang lẩn trốn.",
    "Một là, phải rà soát toàn bộ hồ sơ.",
    "Tình hình tương tự đối với các công ty Ấn Độ.",  # compares with something said before
    "Hai bên đã ký kết thỏa thuận hợp tác.",
    "Đấy là lần đầu tiên giải đấu được tổ chức.",
])
def test_dependent_openers_need_their_predecessor(sentence):
    assert needs_predecessor(sentence)


@pytest.mark.parametrize("sentence", [
    "Người dân trên địa bàn đã được sơ tán khỏi vùng lũ.",
    "Bộ Y tế công bố thêm 5 ca mắc mới.",
    "Trên đường đi, chiếc xe bị lật.",
])
def test_self_contained_sentences_stand_alone(sentence):
    assert not needs_predecessor(sentence)


@pytest.mark.parametrize("text, ok", [
    ("Bộ Y tế công bố thêm 5 ca mắc mới.", True),
    ("Ông A nói: “Chúng tôi sẽ làm rõ”.", True),
    ("Tiêu thụ điện miền Bắc lập đỉnh mới", False),  # a heading: no final punctuation
    ("Ai sẽ thiệt hại lớn nhất?", False),  # a question heading
    ("sau khi nhập mã xác nhận.", False),  # a fragment
    ("Mời bạn đọc xem video", False),
])
def test_only_statements_are_sentences(text, ok):
    assert is_sentence(text) is ok


def test_relative_days_get_their_date_in_the_brief():
    articles = [
        Article(id=f"a{k}", title="Cháy chợ", published=datetime(2016, 11, 3 + k, 9, 0, tzinfo=VN_TZ), text=(
            f"Sáng nay, một vụ cháy lớn đã thiêu rụi hơn 50 ki-ốt tại chợ Quang ở huyện Thanh Oai, Hà Nội. "
            f"Nguyên nhân vụ cháy đang được cơ quan chức năng điều tra làm rõ trong ngày {k}."))
        for k in range(2)
    ]
    texts = [s.text for s in summarize(articles, 100).sentences]
    assert any(t.startswith(("Sáng nay (3/11)", "Sáng nay (4/11)")) for t in texts), texts


def test_fixed_candidates_are_always_selected():
    problem = Problem(
        concepts=[{0: 1}, {1: 1}, {2: 1}], lengths=[5, 5, 5], bonus=[0.0, 0.0, 0.0],
        weights=[[0.01], [0.9], [0.8]], conflicts=[], requires=[], budget=10, fixed=[0],
    )
    for method in ("local", "greedy"):
        chosen = solve(problem, method=method)
        assert 0 in chosen and len(chosen) == 2


def test_story_order_puts_the_lede_first_and_keeps_dependents_after_their_predecessor():
    items = [
        (0, 5, 0.5, "Công an đã khởi tố vụ án."),
        (1, 0, 0.0, "Một vụ cháy lớn xảy ra tại Hà Nội sáng 2/11."),
        (0, 6, 0.6, "Sự việc đang được điều tra làm rõ."),
        (2, 1, 0.1, "Lửa bùng lên từ tầng một của ngôi nhà."),
    ]
    assert story_order(items, lede=1) == [1, 3, 0, 2]


def test_the_lede_articles_next_sentences_follow_it_before_other_outlets():
    items = [
        (1, 0, 0.0, "Hãng A công bố kết quả kinh doanh quý ba."),
        (0, 0, 0.0, "Hãng A lãi kỷ lục 2.000 tỷ đồng trong quý ba năm nay."),
        (0, 1, 0.3, "Doanh thu của hãng tăng 30% so với cùng kỳ."),
        (2, 0, 0.0, "Cổ phiếu hãng A tăng trần ngay sau khi công bố."),
    ]
    assert story_order(items, lede=1, anchor_run=True) == [1, 2, 0, 3]
    assert story_order(items, lede=1) == [1, 0, 3, 2]


@pytest.mark.parametrize("text, glued", [
    ("Anh V. đang chờ chuyển viện Khoảng 11 giờ ngày 1/11, anh V. bị dây cáp cứa cổ.", True),
    ("Định dạng hóa đơn gửi bằng file pdf Sử dụng hóa đơn điện tử giúp giảm chi phí in ấn.", True),
    ("Cơ quan Cảnh sát Điều tra đang mở rộng điều tra vụ án.", False),  # a name
    ("Hai cha con anh Vũ bị thương nặng.", False),  # after a title
])
def test_a_caption_run_into_a_paragraph_start_is_found(text, glued):
    from collections import Counter

    from bantin.summarize.features import caption_glued_in

    lower = Counter({"khoảng": 3, "sử": 2, "điều": 5, "vũ": 2})
    assert caption_glued_in(text, lower, Counter()) is glued


def _outlet(k, deaths):
    return Article(
        id=f"a{k}", title="Lũ quét ở Lào Cai",
        text=(f"Trận lũ quét đêm 10/9 ở huyện Bát Xát, Lào Cai đã làm {deaths} người chết và nhiều người mất tích. "
              f"Chính quyền địa phương đang khẩn trương tìm kiếm người mất tích tại xã Y Tý."),
    )


def test_a_number_only_one_outlet_gives_is_a_minority_report():
    view = build_view([_outlet(0, 12), _outlet(1, 12), _outlet(2, 12), _outlet(3, 15)])
    assert minority_reports(view) == {(3, 0)}
    assert [f[:2] for f in figures("làm 12 người thiệt mạng, hai tàu")] == [("12", "người"), ("2", "tàu")]


def test_the_brief_opens_with_the_lede_most_outlets_state():
    articles = [
        Article(id="a", title="Cháy chung cư", text=(
            "Khoảng 10h sáng 2/11, một vụ cháy lớn bùng phát tại chung cư Mini ở quận Thanh Xuân, Hà Nội. "
            "Lực lượng cứu hỏa đã có mặt sau 10 phút và dập tắt đám cháy sau hai giờ.")),
        Article(id="b", title="Cháy lớn tại chung cư", text=(
            "Thời tiết hanh khô khiến nguy cơ cháy nổ tại các khu dân cư tăng cao trong mùa đông năm nay. "
            "Sáng 2/11, một vụ cháy lớn bùng phát tại chung cư Mini ở quận Thanh Xuân, Hà Nội khiến nhiều người hoảng loạn.")),
        Article(id="c", title="Cháy chung cư mini ở Thanh Xuân", text=(
            "Một vụ cháy lớn đã bùng phát tại chung cư Mini ở quận Thanh Xuân, Hà Nội vào sáng 2/11. "
            "Không có thiệt hại về người trong vụ cháy.")),
    ]
    first = summarize(articles, 60).sentences[0]
    assert "vụ cháy lớn" in first.text and first.sources[0].sentence_index == 0
    assert first.sources[0].article_id in {"a", "c"}


@pytest.mark.parametrize("sentence, why", [
    ("Bộ trưởng cho biết Ukraine cần thêm đạn pháo trong mùa đông.", "role"),
    ("Hãng đã nhận thêm hai máy bay trong tháng này.", "role"),
    ("Phiên này, thanh khoản tăng 34,95% so với phiên liền trước.", "role"),
    ("Trong vài ngày tới, chiếc máy bay này sẽ được đưa về Hà Nội.", "reference"),
    ("U23 Việt Nam sẽ gặp Thái Lan vào thứ Sáu tuần tới.", "relative time"),
])
def test_a_sentence_leaning_on_its_own_article_is_found(sentence, why):
    assert leans_on_its_article(sentence) == why


@pytest.mark.parametrize("sentence", [
    "Bộ trưởng Quốc phòng Ukraine Oleksii Reznikov cho biết nước này cần thêm đạn pháo.",
    "Hãng hàng không VietJet đã nhận thêm hai máy bay A321.",
    "Trên đường đi, chiếc xe bị lật tại km 15 quốc lộ 1A.",
    "Người dân trên địa bàn đã được sơ tán khỏi vùng lũ.",
])
def test_a_sentence_naming_its_subject_stands_in_another_outlets_story(sentence):
    assert leans_on_its_article(sentence) is None


def test_the_brief_follows_the_lede_article_and_takes_no_role_only_subject_from_another_outlet():
    articles = [
        Article(id="a", title="VietJet nhận máy bay", text=(
            "Hãng hàng không VietJet đã nhận chiếc máy bay A321neo thứ 20 tại Toulouse, Pháp sáng 2/11. "
            "Chiếc máy bay sẽ phục vụ các đường bay quốc tế từ TP.HCM đi Nhật Bản và Hàn Quốc.")),
        Article(id="b", title="Vietnam Airlines nhận máy bay", text=(
            "Vietnam Airlines cũng vừa nhận chiếc máy bay Boeing 787-10 đầu tiên tại Mỹ trong tuần qua. "
            "Hãng cho biết sẽ khai thác máy bay trên đường bay Hà Nội - TP.HCM từ tháng sau.")),
        Article(id="c", title="VietJet nhận thêm máy bay A321neo", text=(
            "Sáng 2/11, VietJet đã nhận chiếc máy bay A321neo thứ 20 tại Toulouse, Pháp. "
            "Trong vài ngày tới, chiếc máy bay này sẽ được đưa về Việt Nam.")),
    ]
    texts = [s.text for s in summarize(articles, 200).sentences]
    assert texts and "VietJet" in texts[0]
    assert not any(t.startswith(("Hãng cho biết", "Trong vài ngày tới")) for t in texts), texts


def test_backbone_articles_come_before_other_outlets_in_story_order():
    items = [
        (1, 0, 0.0, "Hãng A công bố kết quả kinh doanh quý ba."),
        (0, 0, 0.0, "Hãng A lãi kỷ lục 2.000 tỷ đồng trong quý ba năm nay."),
        (2, 0, 0.0, "Cổ phiếu hãng A tăng trần ngay sau khi công bố."),
        (0, 5, 0.8, "Hãng A dự kiến chia cổ tức 20% bằng tiền mặt."),
    ]
    assert story_order(items, lede=1, backbone=frozenset({0})) == [1, 3, 0, 2]


@pytest.mark.parametrize("sentence, why", [
    ("Tại cuộc họp, ông Nam đề nghị các đơn vị rà soát lại toàn bộ hồ sơ.", "reference"),
    ("Tại hội nghị, Thủ tướng Chính phủ nhấn mạnh tầm quan trọng của thị trường bất động sản.", "reference"),
    ("Tại Hội nghị Trung ương 8, Tổng Bí thư nhấn mạnh yêu cầu phòng chống tham nhũng.", None),
])
def test_a_setting_introduced_before_is_a_reference(sentence, why):
    assert leans_on_its_article(sentence) == why


def test_a_list_is_not_the_lede_when_a_shorter_opener_exists():
    names = ", ".join(f"Nguyễn Văn {c}, SN 199{k}, trú tại phường {k}" for k, c in enumerate("ABCDEFGHIK"))
    articles = [
        Article(id="a", title="Khởi tố nhóm đánh bạc", text=(
            f"Theo tài liệu điều tra, các bị can gồm: {names}. "
            "Nhóm này tổ chức đánh bạc qua mạng với tổng số tiền hơn 100 tỷ đồng.")),
        Article(id="b", title="Khởi tố 10 bị can đánh bạc qua mạng", text=(
            "Công an tỉnh Hà Tĩnh đã khởi tố 10 bị can tổ chức đánh bạc qua mạng với số tiền hơn 100 tỷ đồng. "
            "Các bị can bị tạm giam để điều tra.")),
    ]
    first = summarize(articles, 300).sentences[0]
    assert first.text.startswith("Công an tỉnh Hà Tĩnh"), first.text


@pytest.mark.parametrize("sentence, why", [
    ("Cần có quy định xét tặng Huân chương cho các cá nhân có đóng góp xuất sắc.", "subjectless"),
    ("Tránh tình trạng khen tràn lan nhưng thưởng không tương xứng.", "subjectless"),
    ("Xem xét đình chỉ công tác tạm thời bác sĩ Nguyễn Văn A.", "subjectless"),
    ("Đại tướng Tô Lâm nhấn mạnh: “Là người chiến sĩ cộng sản kiên trung.", "open quote"),
    ("Cần Thơ đón hơn 1 triệu lượt khách trong 6 tháng đầu năm.", None),
    ("Tổ chức Y tế Thế giới khuyến cáo người dân tiêm nhắc lại.", None),
    ("Ông A nói: “Chúng tôi sẽ làm rõ”.", None),
])
def test_a_directive_or_an_unclosed_quote_is_incomplete(sentence, why):
    assert incomplete(sentence) == why


def test_an_older_articles_current_state_does_not_follow_a_newer_backbone():
    day = lambda d, h: datetime(2022, 7, d, h, 0, tzinfo=VN_TZ)  # noqa: E731
    articles = [
        Article(id="old", title="Hai người bị điện giật", published=day(21, 8), text=(
            "Sáng 21/7, hai công nhân bị điện giật khi sửa đường dây tại xã Tân Phú, huyện Đồng Phú. "
            "Hiện cả hai công nhân đang được cấp cứu tại bệnh viện tỉnh Bình Phước trong tình trạng nguy kịch.")),
        Article(id="new", title="Hai công nhân bị điện giật tử vong", published=day(21, 20), text=(
            "Hai công nhân bị điện giật khi sửa đường dây tại xã Tân Phú, huyện Đồng Phú đã tử vong tối 21/7. "
            "Công an huyện Đồng Phú đang điều tra nguyên nhân vụ tai nạn lao động.")),
        Article(id="copy", title="Hai công nhân tử vong vì điện giật", published=day(21, 21), text=(
            "Hai công nhân bị điện giật khi sửa đường dây tại xã Tân Phú, huyện Đồng Phú đã tử vong. "
            "Vụ tai nạn xảy ra sáng 21/7 khi hai người đang thay dây điện.")),
    ]
    texts = [s.text for s in summarize(articles, 200).sentences]
    assert "tử vong" in texts[0], texts
    assert not any(t.startswith("Hiện cả hai") for t in texts), texts


@pytest.mark.parametrize("sentence, why", [
    ("Khi chúng tôi về sân nhà vẫn bị ép”, đội trưởng Nguyễn Minh Tùng chia sẻ.", "open quote"),
])
def test_a_quote_closed_without_its_opening_is_incomplete(sentence, why):
    assert incomplete(sentence) == why


def test_a_press_conference_introduced_before_is_a_reference():
    assert leans_on_its_article("Tại cuộc họp báo, đại tá Trương Ngọc Danh thông tin về vụ việc.") == "reference"


def test_the_sapo_and_the_body_opening_that_restates_it_conflict():
    from bantin.summarize import _restated_openers

    sapo = "Ngày 20/7, Công an TP Hà Nội đã bắt giữ 5 đối tượng cướp tài sản tại huyện Quốc Oai và Hoài Đức."
    tail = "Các đối tượng dùng dao nhọn chặn người đi chợ lúc rạng sáng để cướp túi xách và điện thoại."
    restated = "Phòng Cảnh sát hình sự vừa phối hợp công an hai huyện Quốc Oai, Hoài Đức bắt giữ 5 thiếu niên để điều tra hành vi cướp giật."
    other = "Phòng Cảnh sát hình sự cho biết nhóm này thường bán tài sản lấy tiền chơi game và thuê nhà nghỉ."
    for body, conflict in ((restated, True), (other, False)):
        view = build_view([Article(id="a", text=f"{sapo}\n{body} {tail}")])
        sentences = view.sentences
        assert ((0, 1) in _restated_openers(sentences, range(len(sentences)), 0.5)) is conflict
