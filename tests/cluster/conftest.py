"""Hand-written Vietnamese articles: three stories, two of which share many words."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bantin.models import Article

VN = timezone(timedelta(hours=7))

STORM = [
    ("bao-1", "Bão số 3 đổ bộ vào Quảng Ninh, hàng nghìn nhà tốc mái",
     "Chiều 7/9, bão số 3 (Yagi) đổ bộ vào vùng biển Quảng Ninh với sức gió cấp 12, giật cấp 15. "
     "Hàng nghìn ngôi nhà ở Hạ Long và Cẩm Phả bị tốc mái, nhiều cây xanh bật gốc. "
     "Ban Chỉ đạo phòng chống thiên tai tỉnh Quảng Ninh đã sơ tán hơn 20.000 người khỏi vùng nguy hiểm. "
     "Điện lực Quảng Ninh cho biết lưới điện tại nhiều phường bị mất hoàn toàn.", datetime(2024, 9, 7, 15, 0, tzinfo=VN)),
    ("bao-2", "Quảng Ninh tan hoang sau khi bão Yagi đi qua",
     "Sáng 8/9, người dân Hạ Long bắt đầu dọn dẹp sau khi bão số 3 Yagi đi qua. "
     "Theo thống kê ban đầu, bão làm tốc mái hàng nghìn ngôi nhà, hàng trăm tàu thuyền bị đánh chìm tại Quảng Ninh. "
     "Tỉnh Quảng Ninh huy động lực lượng quân đội giúp dân khắc phục hậu quả, khôi phục lưới điện. "
     "Cẩm Phả vẫn mất điện trên diện rộng.", datetime(2024, 9, 8, 9, 30, tzinfo=VN)),
    ("bao-3", "Bão Yagi: Quảng Ninh thiệt hại nặng nề về tàu thuyền",
     "Bão số 3 Yagi khiến hàng trăm tàu thuyền neo đậu tại Hạ Long bị chìm và hư hỏng. "
     "Lãnh đạo tỉnh Quảng Ninh cho biết thiệt hại ước tính hàng nghìn tỷ đồng. "
     "Hơn 20.000 người đã được sơ tán trước khi bão đổ bộ, lưới điện tại Cẩm Phả chưa được khôi phục.",
     datetime(2024, 9, 8, 14, 0, tzinfo=VN)),
]

FLOOD = [
    ("lu-1", "Hà Nội ngập sâu sau trận mưa lớn kéo dài",
     "Trận mưa lớn kéo dài từ đêm qua khiến nhiều tuyến phố nội thành Hà Nội ngập sâu. "
     "Phố Nguyễn Khuyến, Phan Bội Châu ngập hơn nửa mét, xe máy chết máy hàng loạt. "
     "Công ty Thoát nước Hà Nội đã vận hành trạm bơm Yên Sở hết công suất.", datetime(2024, 6, 20, 8, 0, tzinfo=VN)),
    ("lu-2", "Mưa lớn, phố Nguyễn Khuyến thành sông",
     "Sau trận mưa lớn sáng 20/6, phố Nguyễn Khuyến và Phan Bội Châu ở Hà Nội ngập sâu, người dân dắt xe máy lội nước. "
     "Trạm bơm Yên Sở được vận hành hết công suất để tiêu thoát nước cho nội thành Hà Nội.",
     datetime(2024, 6, 20, 11, 0, tzinfo=VN)),
]

FUEL = [
    ("xang-1", "Giá xăng tăng mạnh từ 15 giờ chiều nay",
     "Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá bán lẻ xăng dầu. "
     "Từ 15 giờ chiều nay, giá xăng RON 95 tăng 850 đồng mỗi lít, lên 24.500 đồng. "
     "Giá xăng E5 RON 92 tăng 780 đồng, dầu diesel tăng 500 đồng mỗi lít. "
     "Quỹ bình ổn giá xăng dầu không được trích lập trong kỳ điều hành này.", datetime(2024, 3, 21, 15, 5, tzinfo=VN)),
    ("xang-2", "Xăng RON 95 lên 24.500 đồng mỗi lít",
     "Chiều 21/3, Liên Bộ Công Thương - Tài chính điều chỉnh tăng giá xăng dầu. "
     "Xăng RON 95 tăng 850 đồng, lên 24.500 đồng mỗi lít; xăng E5 RON 92 tăng 780 đồng. "
     "Cơ quan điều hành không trích lập, không chi Quỹ bình ổn giá.", datetime(2024, 3, 21, 16, 0, tzinfo=VN)),
]


def _articles(rows) -> list[Article]:
    return [Article(id=i, title=t, text=x, published=d, source=f"bao{k}.vn") for k, (i, t, x, d) in enumerate(rows)]


@pytest.fixture
def stories() -> dict[str, list[Article]]:
    return {"storm": _articles(STORM), "flood": _articles(FLOOD), "fuel": _articles(FUEL)}


@pytest.fixture
def articles(stories) -> list[Article]:
    return [a for group in stories.values() for a in group]
