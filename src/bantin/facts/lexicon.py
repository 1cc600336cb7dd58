"""Word lists for facts: place gazetteers, titles, organisation and place cue words.

The only module that imports ``babel`` (CLDR: the Vietnamese name of every country and region)
and ``vietnam_provinces`` (Vietnam's 34 provinces and 3,321 wards after the 2025 reform; ward
names carry most former district and town names). The 29 provinces merged away in 2025 and a
short list of foreign cities and exonyms that news uses are written out here, since no package
has them in Vietnamese spelling.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

class _FoldTable(dict):
    """str.translate table: every character to its lower-case base letter (đ -> d), cached."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
                       if not unicodedata.combining(c)).lower()
        self[code] = base = " " if ch in "_\t\n\xa0" else base
        return base


FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case without diacritics (đ -> d), spaces squeezed: the key names are compared on."""
    return " ".join(text.translate(FOLD_TABLE).split())


# Provinces of 2008-2025 that the 2025 reform merged into others: old articles still name them.
FORMER_PROVINCES = (
    "Hà Giang", "Bắc Kạn", "Yên Bái", "Hòa Bình", "Vĩnh Phúc", "Bắc Giang", "Hải Dương", "Thái Bình",
    "Hà Nam", "Nam Định", "Quảng Bình", "Quảng Nam", "Kon Tum", "Bình Định", "Phú Yên", "Ninh Thuận",
    "Đắk Nông", "Bình Thuận", "Bình Phước", "Bình Dương", "Bà Rịa - Vũng Tàu", "Vũng Tàu", "Long An",
    "Tiền Giang", "Bến Tre", "Trà Vinh", "Sóc Trăng", "Hậu Giang", "Bạc Liêu", "Kiên Giang",
    "Thừa Thiên Huế", "Thừa Thiên - Huế", "Sài Gòn", "Hà Tây", "Việt Nam",
)

# Foreign cities and regions frequent in Vietnamese news (CLDR has countries only).
WORLD_PLACES = (
    "Washington", "New York", "Paris", "London", "Berlin", "Moskva", "Moscow", "Mát-xcơ-va", "Bắc Kinh",
    "Thượng Hải", "Tokyo", "Seoul", "Bình Nhưỡng", "Bangkok", "Jakarta", "Manila", "Kuala Lumpur",
    "Singapore", "Phnom Penh", "Viêng Chăn", "Vientiane", "Yangon", "New Delhi", "Delhi", "Mumbai",
    "Sydney", "Melbourne", "Canberra", "Ottawa", "Toronto", "Los Angeles", "San Francisco", "Chicago",
    "Texas", "California", "Florida", "Hawaii", "Kiev", "Kyiv", "Donetsk", "Lugansk", "Crimea",
    "Volgograd", "Damascus", "Aleppo", "Baghdad", "Tehran", "Jerusalem", "Gaza", "Istanbul", "Ankara",
    "Cairo", "Rome", "Madrid", "Brussels", "Geneva", "Vienna", "Athens", "Hong Kong", "Hồng Kông",
    "Đài Loan", "Ma Cao", "Biển Đông", "Hoàng Sa", "Trường Sa", "Mekong", "Mê Kông", "Kremlin",
    "Châu Âu", "Châu Á", "Trung Đông", "Đông Nam Á", "Nhà Trắng", "Osaka", "Quảng Châu", "Thâm Quyến",
    "Vũ Hán", "Tây Tạng", "Tân Cương", "Okinawa", "Fukushima", "Bali", "Phuket", "Dubai", "Doha",
    "Châu Phi", "Châu Mỹ", "Châu Úc", "Châu Đại Dương", "Bắc Phi", "Bắc Mỹ", "Nam Mỹ", "Mỹ Latinh",
    "Thái Bình Dương", "Đại Tây Dương", "Ấn Độ Dương", "Bắc Băng Dương", "Đông Âu", "Tây Âu", "Bắc Âu", "Nam Á", "Tây Á", "Trung Á", "Đông Á", "Bắc Cực", "Nam Cực",
)

# Organisations whose name has no cue word; folded.
KNOWN_ORGS = frozenset(fold(n) for n in (
    "Liên Hợp Quốc", "Liên Hiệp Quốc", "Nhà Trắng", "Điện Kremlin", "Lầu Năm Góc", "Tân Hoa Xã",
    "Liên minh châu Âu", "EU", "NATO", "ASEAN", "WHO", "IMF", "UNESCO", "UNICEF", "FIFA", "AFF", "VFF",
    "Interpol", "Facebook", "Google", "Apple", "Samsung", "Microsoft", "Amazon", "Twitter", "YouTube",
    "Boeing", "Airbus", "Vietnam Airlines", "Vietjet", "Vietjet Air", "Petrolimex", "EVN", "Vingroup",
    "Reuters", "AFP", "AP", "CNN", "BBC", "Bloomberg", "Yonhap", "Kyodo", "Sputnik", "RT", "TASS", "Hamas",
    "Hezbollah", "Taliban", "IS", "Quốc hội", "Chính phủ", "Hội đồng Bảo an", "Ngân hàng Thế giới",
    "Quốc hội Mỹ", "Lầu Năm góc", "Truth Social", "OPEC", "Fed", "WB", "ADB", "Bộ Chính trị",
))

# Capitalised abbreviations that name no one ("USD", "GPS"); folded.
NOT_NAMES = frozenset(fold(w) for w in """USD VND CAD EUR GPS GDP CEO CQĐT ĐTDĐ CSGT THPT CCCD CMND CMTND
COVID ANTT TNGT ATGT PCCC CNTT KT-XH HĐQT TP TT ĐH BĐS ODA FDI VAT SMS PV NXB BV""".split())

# Words that open sentences capitalised and are no names ("Bị can ...", "Sau đó ...").
OPENERS = frozenset("""bị sau trước nhà khi trong ngoài tại theo từ đến với về do vì để nếu tuy nhưng
và hoặc còn cũng đã đang sẽ vừa mới có là được rất nhiều mọi mỗi các những một hai ba bốn năm
hiện hôm sáng chiều tối đêm ngày tháng năm lúc cổng chị anh ông bà cô chú thế tất cả chỉ đây đó
vậy ngay dù mặc riêng cùng ngoài bên phía trên dưới giữa qua lại song""".split())

# Lower-case words after which a capitalised name is an organisation ("tờ The Guardian").
ORG_LOWER_CUES = None  # set below

# Outlets whose credit lines and datelines are no entity of the story (lower case, first part).
OUTLETS = frozenset((
    "tto", "vov", "vtv", "vtc", "vnexpress", "zing", "vietnamnet", "dân trí", "dantri", "ttxvn",
    "vna", "vnn", "plo", "nld", "sggp", "baomoi", "kenh14", "tuoitre", "thanhnien", "vov.vn", "vtc.vn",
    "sggpo", "nldo", "nlđo", "infonet", "antđ", "vietnamplus", "soha", "kienthuc", "24h", "vtv.vn",
))

# Same place, several spellings: folded variant -> folded canonical key.
PLACE_ALIASES = {
    "moscow": "moskva", "mat-xco-va": "moskva", "kyiv": "kiev", "beijing": "bac kinh",
    "tp hcm": "ho chi minh", "hcm": "ho chi minh", "tphcm": "ho chi minh", "sai gon": "ho chi minh",
    "hong kong": "hong kong", "vientiane": "vieng chan", "mekong": "me kong", "my": "my",
    "hoa ky": "my", "thua thien - hue": "thua thien hue", "hn": "ha noi",
}

# Titles and honorifics before a person's name (matched case-insensitively, longest first).
TITLES = (
    "Tổng thống", "Phó Tổng thống", "Thủ tướng", "Phó Thủ tướng", "Chủ tịch", "Phó Chủ tịch",
    "Chủ tịch nước", "Tổng Bí thư", "Bí thư", "Phó Bí thư", "Bộ trưởng", "Thứ trưởng", "Ngoại trưởng",
    "Giám đốc", "Phó Giám đốc", "Tổng giám đốc", "Phó Tổng giám đốc", "Chánh án", "Viện trưởng",
    "Tổng thư ký", "Thư ký", "Người phát ngôn", "Phát ngôn viên", "Đại sứ", "Thống đốc", "Thị trưởng",
    "Hoàng tử", "Công chúa", "Nữ hoàng", "Quốc vương", "Nhà vua", "Giáo hoàng", "Đức Giáo hoàng",
    "Giáo sư", "Phó Giáo sư", "Tiến sĩ", "Thạc sĩ", "Bác sĩ", "Luật sư", "Nhà báo", "Kỹ sư",
    "GS", "PGS", "TS", "ThS", "BS", "HLV", "Huấn luyện viên", "Tiền đạo", "Thủ môn", "Hậu vệ",
    "Tiền vệ", "Đội trưởng", "Nghệ sĩ", "NSND", "NSƯT", "Ca sĩ", "Diễn viên", "Người mẫu",
    "Thượng nghị sĩ", "Hạ nghị sĩ", "Nghị sĩ", "Ứng viên", "Chủ nhiệm", "Phó Chủ nhiệm",
    "Trưởng ban", "Phó Trưởng ban", "Trưởng phòng", "Phó Trưởng phòng", "Cục trưởng", "Phó Cục trưởng",
    "Vụ trưởng", "Hiệu trưởng", "Đô đốc", "Tư lệnh", "Chỉ huy trưởng", "Trưởng Công an", "Thẩm phán",
    "Kiểm sát viên", "Điều tra viên", "Đồng chí", "Đại tướng", "Thượng tướng", "Trung tướng",
    "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy",
    "Thiếu úy", "Trung sĩ", "Binh nhất", "Chiến sĩ", "Tổng biên tập", "Doanh nhân", "Tỷ phú", "Tỉ phú",
    "Cựu Tổng thống", "Cựu Thủ tướng", "Cựu Bộ trưởng", "Thủ lĩnh", "Lãnh đạo", "Trưởng đoàn",
    "Tân Tổng thống", "Mục sư", "Linh mục", "Hòa thượng", "Thượng tọa", "Nhà sư", "Cầu thủ", "Võ sĩ",
    "Vận động viên", "VĐV", "Tay vợt", "Nhà văn", "Nhà thơ", "Họa sĩ", "Nhạc sĩ", "Đạo diễn", "MC",
    "Hoa hậu", "Á hậu", "Bị can", "Bị cáo", "Nghi phạm", "Đối tượng", "Nạn nhân", "Sinh viên",
    "Học sinh", "Thí sinh", "Cháu", "Bé", "Ông", "Bà", "Anh", "Chị", "Cụ", "Em", "Cô", "Chú",
    "Thầy", "Bác", "Ngài", "Thượng úy", "Tổng Thư ký", "Phó Tổng Thư ký", "Trưởng phòng",
)
# Honorifics: they say "a person follows", but are no role worth reporting.
HONORIFICS = frozenset(t.lower() for t in (
    "Ông", "Bà", "Anh", "Chị", "Cụ", "Em", "Cô", "Chú", "Thầy", "Bác", "Ngài", "Cháu", "Bé", "Đồng chí"))

# Capitalised words that open an organisation's name (longest match first).
ORG_CUES = (
    "Bộ", "Sở", "Công an", "Công ty", "Tập đoàn", "Ngân hàng", "Trường", "Bệnh viện", "Tòa án",
    "Tòa", "TAND", "VKSND", "Viện", "Viện kiểm sát", "Quỹ", "Đảng", "Ủy ban", "UBND", "HĐND",
    "Ban", "Cục", "Tổng cục", "Chi cục", "Trung tâm", "Hội", "Hội đồng", "Liên đoàn", "Hiệp hội",
    "Quân đội", "Quân khu", "Quân đoàn", "Sư đoàn", "Lữ đoàn", "Bộ Tư lệnh", "Bộ Chỉ huy", "Tổ chức",
    "Cảnh sát", "Phòng Cảnh sát", "Đại học", "Học viện", "Hãng", "Hãng tin", "Hãng thông tấn",
    "Báo", "Đài", "Thông tấn xã", "Quốc hội", "Chính phủ", "Văn phòng", "Vụ", "Phòng", "Kho bạc",
    "Tổng công ty", "Câu lạc bộ", "CLB", "Đội tuyển", "Liên minh", "Cơ quan", "Văn phòng", "Hạt",
    "Thanh tra", "Kiểm toán", "Bảo hiểm", "Hải quan", "Tổng Liên đoàn", "Mặt trận", "Đoàn", "Nhà máy",
    "Hợp tác xã", "Tổ hợp", "Lực lượng", "Hạm đội", "Nhà hát", "Bảo tàng", "Khoa",
    "Đội", "Đồn", "Chi nhánh", "Phòng Cảnh sát điều tra", "Cơ quan Cảnh sát điều tra", "Trung đoàn", "Tiểu đoàn", "Thẩm mỹ viện", "Đại sứ quán", "Lãnh sự quán",
)
# Lower-case words that say a place name follows ("tỉnh Quảng Ninh", "sông Hồng").
LOC_CUES = (
    "tỉnh", "thành phố", "tp", "tp.", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn", "sông",
    "đường", "phố", "núi", "biển", "vịnh", "đảo", "quần đảo", "bang", "thủ đô", "châu", "miền",
    "vùng", "khu vực", "làng", "thôn", "ấp", "bản", "xóm", "sân bay", "cảng", "cầu", "hồ", "đèo",
    "quốc lộ", "chợ", "ngõ", "hẻm", "nước", "tại", "ở", "đến", "từ", "thị trấn", "suối", "khu",
    "đập", "thủy điện", "trạm", "nút giao", "vùng biển", "eo biển", "tuyến phố", "sa mạc", "lãnh thổ",
    "vùng lãnh thổ", "bán đảo",
)
# Words after a number that do not say what is counted: the noun after them does.
# Lower-case words that end an organisation's name when they follow it.
STOP_WORDS = frozenset("""
cho đã đang sẽ vừa mới có là được bị và với về tại ở trong ngoài của cũng không chưa này đó kia
thì mà nhưng nên vì do để khi lúc sau trước theo từ đến tới lên xuống ra vào phải cần muốn hãy đi
làm nhằm gồm như những các một hai ba bốn năm người trên dưới vẫn còn đều chỉ nói hôm sáng chiều
tối đêm ngày tháng nay qua hiện rằng hay bởi
""".split())
# Two-word verbs that end a name ("Sở Giao thông vận tải Hà Nội khuyến cáo").
STOP_PHRASES = frozenset(tuple(p.split()) for p in """
cho biết|yêu cầu|khuyến cáo|thông báo|cho rằng|khẳng định|đề nghị|cảnh báo|tiếp tục|nhận định
|xác định|điều tra|quyết định|tổ chức|phối hợp|triển khai|chỉ đạo|huy động|ghi nhận|dự báo|phát hiện
|bắt giữ|khởi tố|công bố|trao đổi|tuyên bố|hội đàm|ban hành|thực hiện|tiến hành|đánh giá|kiểm tra
|đưa ra|nhấn mạnh|cho hay|vận hành|thông tin|ra mắt|ký kết|phê duyệt|đồng ý|phản đối|cáo buộc
|lên án|bác bỏ|xác nhận|cho phép|đề xuất|tiếp nhận|khai trương|bày tỏ|gửi|trả lời|phát biểu
""".replace("\n", "").split("|"))

# Organisation cues that name no organisation when only another cue follows ("Cơ quan Công an").
GENERIC_HEADS = frozenset(("lực lượng", "cơ quan", "lực", "cơ"))
CONNECTORS = frozenset(("tỉnh", "thành phố", "tp", "huyện", "quận", "xã", "phường", "nhân dân", "và"))
# The division an organisation serves, when its name ends with one ("Công an tỉnh", "... thành phố").
DIVISIONS = frozenset(("tỉnh", "thành phố", "tp", "huyện", "quận", "xã", "phường"))
# Two-word verbs that report what an organisation says: the words before one are its name.
REPORTING_VERBS = frozenset(tuple(p.split()) for p in (
    "cho biết", "cho hay", "cảnh báo", "thông báo", "nhận định", "dự báo", "khuyến cáo", "cho rằng",
    "khẳng định", "tuyên bố", "công bố", "xác nhận", "đề nghị", "yêu cầu", "nhấn mạnh", "thông tin"))
# Adverbs that sit between a name and its verb ("Bộ Y tế chính thức công bố"): never part of a name.
ADVERBS = frozenset("chính thức|khẩn trương|nhanh chóng|kịp thời|lập tức|ngay|liên tục|đồng thời|"
                    "trước đó|sau đó|hôm qua|mới đây|cũng".split("|"))
# Lower-case phrases inside organisation names that contain a stop word ("Phòng Cảnh sát điều tra
# tội phạm về ma túy"): matched at the stop word's position minus 2.
ORG_INNER = ("tội phạm về",)

VN_SURNAMES = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn trịnh lương
mai cao lâm tô tạ hà chu đào quách thái lưu trương kiều vương phùng tăng từ thân khúc triệu
mạc châu giang la lã bạch tôn đàm nghiêm kim hứa đồng doãn lục ninh văn
""".split())


def _strip_division(name: str) -> str:
    return re.sub(r"^(Thành phố|Tỉnh|Phường|Xã|Đặc khu|Thị trấn|Thị xã|Quận|Huyện)\s+", "", name)


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Folded place name -> its usual spelling: countries (CLDR vi), provinces, wards, cities."""
    from babel import Locale

    out: dict[str, str] = {}
    for locale in ("vi", "en"):
        for code, name in Locale(locale).territories.items():
            if len(code) == 2 or code.isdigit():
                out.setdefault(fold(name), name)
    for name in ("Mỹ", "Hoa Kỳ", "Anh", "Nga", "Triều Tiên", "Hàn Quốc", "Trung Quốc", "Nhật Bản", "Pháp",
                 "Đức", "Ý", "Úc", "Lào", "Campuchia", "Thái Lan", "Iran", "Israel", "Syria", "Ukraine"):
        out.setdefault(fold(name), name)
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    for province in json.loads(NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8")):
        name = _strip_division(province["name"])
        out.setdefault(fold(name), name)
        for ward in province.get("wards", ()):
            ward_name = _strip_division(ward["name"])
            if len(ward_name.split()) >= 2:  # one-syllable ward names ("Láng") collide with words
                out.setdefault(fold(ward_name), ward_name)
    for name in FORMER_PROVINCES + WORLD_PLACES:
        out.setdefault(fold(name), name)
    return out


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Folded country names (CLDR vi) plus the short forms news uses."""
    from babel import Locale

    names = {fold(n) for c, n in Locale("vi").territories.items() if len(c) == 2}
    return frozenset(names | {"my", "hoa ky", "anh", "nga", "duc", "phap", "y", "uc"})


# First parts of country names that hyphenated relations use ("Hàn-Mỹ", "Trung-Nhật").
SHORT_COUNTRIES = frozenset(("Hàn", "Triều", "Nhật", "Trung", "Ấn", "Việt", "Xô", "Mỹ", "Nga", "Anh",
                             "Pháp", "Đức", "Úc", "Lào", "Thái", "Ý"))


@lru_cache(maxsize=1)
def place_aliases() -> dict[str, str]:
    """Folded English country name -> folded Vietnamese one (CLDR: "morocco" -> "ma-roc")."""
    from babel import Locale

    vi, en = Locale("vi").territories, Locale("en").territories
    out = {fold(en[c]).replace("-", " "): fold(vi[c]).replace("-", " ") for c in vi
           if len(c) == 2 and c in en and fold(en[c]) != fold(vi[c])}
    return out


class Phrases:
    """Lower-case phrases (tuples of words) looked up longest first."""

    def __init__(self, items):
        self.set = frozenset(tuple(t.lower().split()) for t in items)
        self.lengths = sorted({len(p) for p in self.set}, reverse=True)
        self.first = frozenset(p[0] for p in self.set)


def _by_length(items) -> Phrases:
    return Phrases(items)


TITLE_TOKENS = _by_length(TITLES)
ORG_CUE_TOKENS = _by_length(ORG_CUES)
LOC_CUE_TOKENS = _by_length(LOC_CUES)
ORG_INNER_TOKENS = _by_length(ORG_INNER)
DIVISION_TOKENS = _by_length(DIVISIONS | {"tp.", "thị xã", "thị trấn"})

# Institutions whose lower-case head belongs to the name ("bệnh viện Bạch Mai" = "Bệnh viện Bạch Mai").
INSTITUTION_TOKENS = _by_length(("bệnh viện", "thẩm mỹ viện", "trường đại học", "học viện"))
# Venues, often named after a place ("quán Bom Bo"): the name after one is the venue's.
VENUE_CUE_TOKENS = _by_length(("quán", "nhà hàng", "khách sạn", "tiệm", "cửa hàng", "quán bar", "vũ trường"))
ORG_LOWER_CUES = _by_length(("tờ", "báo", "hãng", "tập đoàn", "công ty", "đài", "kênh", "nhóm", "đảng",
                             "nhãn hàng", "thương hiệu", "quán", "nhà hàng", "khách sạn", "ngân hàng"))
