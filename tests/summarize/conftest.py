"""Small hand-written Vietnamese articles about one event, for the summarizer tests."""
from datetime import datetime, timedelta, timezone

import pytest

from bantin.models import Article

VN = timezone(timedelta(hours=7))

FLOOD = (
    Article(
        id="tto-1", title="Quảng Bình sơ tán hơn 2.000 hộ dân vì lũ lớn", source="tuoitre.vn",
        url="https://tuoitre.vn/lu-quang-binh-1.htm", published=datetime(2026, 10, 15, 7, 30, tzinfo=VN),
        text=(
            "TTO - Sáng 15/10, mưa lớn kéo dài khiến nhiều tuyến đường ở tỉnh Quảng Bình bị ngập sâu từ 1 đến 2 mét. "
            "Chính quyền tỉnh Quảng Bình đã sơ tán hơn 2.000 hộ dân ở các huyện Lệ Thủy và Quảng Ninh đến nơi an toàn. "
            "Tuy nhiên, lực lượng cứu hộ vẫn chưa tiếp cận được ba thôn bị cô lập hoàn toàn. "
            "Người dân trong vùng lũ cho biết nước lên rất nhanh trong đêm 14/10.\n"
            "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Quảng Bình, cho biết tỉnh đã huy động 500 cán bộ chiến sĩ quân đội hỗ trợ người dân. "
            "Ông cho biết thêm tỉnh sẽ cấp gạo và nước sạch cho các hộ bị ảnh hưởng ngay trong ngày. "
            "Người dân chèo thuyền qua đoạn đường ngập - Ảnh: TTXVN"
        ),
    ),
    Article(
        id="dt-1", title="Lũ lớn ở Quảng Bình, hàng nghìn hộ phải sơ tán", source="dantri.com.vn",
        url="https://dantri.com.vn/lu-quang-binh.htm", published=datetime(2026, 10, 15, 9, 0, tzinfo=VN),
        text=(
            "(Dân trí) - Mưa lớn kéo dài từ đêm 14/10 khiến nhiều tuyến đường ở tỉnh Quảng Bình bị ngập sâu. "
            "Hơn 2.000 hộ dân ở huyện Lệ Thủy và huyện Quảng Ninh đã được sơ tán đến nơi an toàn. "
            "Theo Đài Khí tượng Thủy văn tỉnh, mực nước trên sông Kiến Giang đang lên nhanh và vượt báo động 3. "
            "Trong khi đó, Bộ Quốc phòng đã điều hai máy bay trực thăng chở hàng cứu trợ đến các thôn bị cô lập. "
            "Dự báo mưa lớn còn tiếp diễn trong hai ngày tới ở các tỉnh miền Trung."
        ),
    ),
    Article(
        id="vne-1", title="Trực thăng tiếp tế cho vùng lũ Quảng Bình", source="vnexpress.net",
        url="https://vnexpress.net/truc-thang-quang-binh.html", published=datetime(2026, 10, 15, 14, 0, tzinfo=VN),
        text=(
            "Chiều 15/10, hai máy bay trực thăng của Bộ Quốc phòng đã thả hàng cứu trợ xuống ba thôn bị cô lập ở huyện Lệ Thủy. "
            "Mỗi chuyến bay mang theo hơn một tấn mì tôm, nước uống và thuốc men cho người dân vùng lũ. "
            "Mực nước sông Kiến Giang đã vượt mức báo động 3 vào trưa cùng ngày, theo Đài Khí tượng Thủy văn tỉnh. "
            "Ông Trần Văn Bình, người dân thôn Tân Hiền, nói gia đình ông đã ở trên gác hai ngày chờ nước rút. "
            "(Theo VnExpress)"
        ),
    ),
)


@pytest.fixture
def flood() -> tuple[Article, ...]:
    return FLOOD
