"""Synthetic Vietnamese article records for the durability test (5 articles per story)."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

VN = timezone(timedelta(hours=7))
PLACES = ["Hà Nội", "Đà Nẵng", "Huế", "Cần Thơ", "Hải Phòng", "Quảng Ninh", "Nghệ An", "Lâm Đồng", "Bình Định", "Sơn La"]
THINGS = ["mưa lớn", "sạt lở đất", "cháy chung cư", "tai nạn giao thông", "giá xăng tăng", "khai trương cầu mới",
          "hội chợ nông sản", "dịch sốt xuất huyết", "thi tốt nghiệp", "lễ hội pháo hoa"]


def records(count: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        story = i // 5
        place = PLACES[story % len(PLACES)]
        thing = THINGS[(story // len(PLACES)) % len(THINGS)]
        day = datetime(2025, 1, 1, tzinfo=VN) + timedelta(days=story * 0.3 + rng.random())
        homes = rng.randint(2, 900)
        text = (f"Sáng {day:%d/%m}, {thing} xảy ra tại {place} khiến {homes} hộ dân bị ảnh hưởng. "
                f"Chính quyền {place} đã huy động {rng.randint(10, 300)} cán bộ, chiến sĩ hỗ trợ người dân. "
                f"Theo báo cáo ban đầu, thiệt hại ước tính {rng.randint(1, 90)} tỷ đồng, vụ việc số {story}.\n"
                f"Ông Nguyễn Văn {chr(65 + story % 26)}, lãnh đạo địa phương, cho biết sẽ khắc phục trong "
                f"{rng.randint(2, 9)} ngày.")
        out.append({"id": f"syn-{i}", "title": f"{thing.capitalize()} ở {place}, {homes} hộ bị ảnh hưởng (vụ {story})",
                    "text": text, "source": f"Báo {rng.randrange(12)}",
                    "published": (day + timedelta(hours=rng.random() * 30)).isoformat()})
    return out
