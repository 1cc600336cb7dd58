"""Mapping tables for the legacy Vietnamese encodings, written as data from the published standards.

* VISCII 1.1: RFC 1456 (Viet-Std group, 1993), Table 1. ASCII plus 134 precomposed letters; six
  rare C0 control positions hold letters too.
* TCVN3 ("ABC", TCVN 5712:1993 VN3): the upper half 0xA0-0xFF of TCVN 5712. Lowercase precomposed
  letters, the untoned capitals Ă Â Ê Ô Ơ Ư Đ, five combining tone marks (0xB0-0xB4) and a few
  capitals that VN1 keeps in this half. The ABC fonts are Windows fonts, so 0x80-0x9F carries the
  Windows-1252 punctuation (curly quotes, dashes) typed in such documents. Uppercase toned vowels
  are written with the lowercase codes and an all-caps font (".VnTimeH"), so they are lost in a
  plain-text file.
* VNI-Windows (VNI for Windows fonts, VNI Software Co.): Windows-1252 bytes where a Vietnamese
  letter is a base letter followed by one modifier byte (a few letters are single bytes).
* VIQR: RFC 1456 section "VIQR": 7-bit mnemonics after the vowel: ( breve, ^ circumflex,
  + horn, ' sắc, ` huyền, ? hỏi, ~ ngã, . nặng; DD/dd for Đ/đ; a backslash quotes a mark.
* Windows-1258: CPython's cp1258 codec; tone marks are combining characters.
"""
from __future__ import annotations

# RFC 1456 Table 1, bytes 0x80-0xFF in order (16 per row).
VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"
    "Õắằặấầẩậẽẹếềểễệố"
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"
    "àáâãảăữẫèéêẻìíĩỉ"
    "đựòóôõỏọụùúũủýợỮ"
)
# RFC 1456 Table 1: the six C0 positions reused for letters.
VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}

# TCVN 5712:1993, bytes 0xA0-0xFF in order (16 per row); 0xB0-0xB4 are combining tone marks
# (grave, hook, tilde, acute, dot below).
TCVN3_HIGH = (
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
    "éẹềểễếệìỉỄẾỒĩíịò"
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)

# VNI-Windows: for each base vowel the six spellings plain, sắc, huyền, hỏi, ngã, nặng, written
# as Windows-1252 text. Lowercase; capitals use the uppercase base and uppercase modifier.
VNI_TONE_MODIFIERS = "ùøûõï"  # sắc huyền hỏi ngã nặng after a, e, o, ô(ơ), u, ö(ư), y
VNI_CIRCUMFLEX_TONED = "âáàåãä"  # â ấ ầ ẩ ẫ ậ after a, e, o
VNI_BREVE_TONED = "êéèúüë"  # ă ắ ằ ẳ ẵ ặ after a
VNI_LETTERS = {
    # Vietnamese letter (lowercase, no tone) -> VNI spelling of the untoned letter
    "a": "a", "ă": "aê", "â": "aâ", "e": "e", "ê": "eâ", "o": "o", "ô": "oâ", "ơ": "ô",
    "u": "u", "ư": "ö", "y": "y",
}
# The i row and ỵ are single bytes in VNI: i í ì ỉ ĩ ị, and ỵ.
VNI_I_ROW = "iíìæóò"
VNI_Y_DOT = "î"
VNI_D_STROKE = "ñ"

# VIQR mnemonics (RFC 1456).
VIQR_VOWEL_MARKS = {"(": "\u0306", "^": "\u0302", "+": "\u031b"}
VIQR_TONE_MARKS = {"'": "\u0301", "`": "\u0300", "?": "\u0309", "~": "\u0303", ".": "\u0323"}

# Tone marks in VNI/VIQR order: sắc, huyền, hỏi, ngã, nặng.
TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")

# Vietnamese orthographic syllables: onsets and rimes (medial + nucleus + coda, without tone).
ONSETS = (
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
RIMES = frozenset("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot ooc oong
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut ua uân uâng uât uây uê uêch uênh uơ
uôc uôi uôm uôn uông uôt uy uya uych uyên uyêt uyn uynh uyp uyt uyu
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
""".split())
# After "qu" the medial u is written by the onset: quý, quyết, quỳnh.
QU_RIMES = frozenset(r for r in RIMES if not r.startswith("u")) | frozenset(
    "y yêt yên ynh yt yn yu ych".split()
)
STOP_CODAS = ("p", "t", "c", "ch")  # only sắc or nặng allowed with these

# Very frequent syllables of Vietnamese news text, written from general knowledge of the language
# (function words, numbers, administrative and news vocabulary). Detection counts them double, which
# decides between two decodings that both yield valid (but rare) syllables in short texts.
COMMON_SYLLABLES = frozenset("""
của và các có được là trong cho người những một không với đã này năm đến ngày về từ khi để cũng
như theo tại ra nhiều làm đó sẽ thì còn đang vào sau lại trên nhà nước hơn bị nói việc công chỉ
đi cả nhưng mà hiện thể ông anh chị em bà cô họ tôi chúng ta mình mới rất phải nên vì do nếu hay
hoặc đều vẫn đây kết quả tháng giờ phút lần thời gian trước số hai ba bốn sáu bảy tám chín mười
trăm nghìn triệu tỷ đồng việt nam hà nội thành phố hồ chí minh quốc gia tế dân xã hội kinh doanh
chính phủ tướng bộ trưởng tỉnh huyện quận phường sở ủy ban nhân cơ quan đơn vị tổ chức hoạt động
phát triển đầu tư thị giá tăng giảm mức tiền hàng sản xuất khẩu nhập mua bán hợp tác đối cùng
giữa ngoài thêm lớn nhỏ mạnh cao thấp tiên cuối học sinh viên giáo dục y bệnh sức khỏe an toàn
giao thông xe đường tai nạn cảnh sát điều tra vụ án tòa luật pháp quy định tin báo biết chiều
sáng tối đêm nay qua tới lúc gần xa ngay vừa nữa cái con chiếc ai gì sao nào thế vậy đâu bao
nhiêu lên xuống đưa đề nghị yêu cầu kiểm cần thiết tình hình trạng cuộc sống đình mẹ cha trẻ nữ
sự kiện tức mỹ trung nhật bản hàn nga đức giới châu á âu chiến tranh quân đội bảo vệ đảm lượng
chất điện dầu khí than đất ở khu vực địa phương miền bắc tây đông biển đảo sông núi mưa lũ bão
gió trời tiết nhiệt độ xin cảm ơn văn hóa thao dịch hôm nguồn thư thức hưng hạnh võ vũ đào bích
khánh nguyên giang ngân long thanh huy duy linh chi cường dũng hùng tuấn hải hương lan mai
""".split())
