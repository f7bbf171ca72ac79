"""Legacy Vietnamese encodings (TCVN3/ABC for .VnTime fonts, VNI-Windows for VNI-Times fonts): detection and
conversion to Unicode.

Old workbooks typed with these fonts hold Latin-1 look-alike characters ("KÕ ho¹ch" for "Kế hoạch",
"Keá hoaïch" in VNI). A string is converted only when it holds characters that never occur in Vietnamese Unicode
text, so genuine Unicode text is left alone.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (ABC): one character per Vietnamese letter. Capitals use the same codes in the ".VnTimeH" fonts.
_TCVN3_PAIRS = (
    "µà ¸á ¶ả ·ã ¹ạ ¨ă »ằ ¾ắ ¼ẳ ½ẵ Æặ ©â Çầ Êấ Èẩ Éẫ Ëậ ®đ Ìè Ðé Îẻ Ïẽ Ñẹ ªê Òề Õế Óể Ôễ Öệ "
    "×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ «ô åồ èố æổ çỗ éộ ¬ơ êờ íớ ëở ìỡ îợ ïù óú ñủ òũ ôụ "
    "\u00adư õừ øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ ¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư"
)
TCVN3_TO_UNICODE: dict[str, str] = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}

# VNI-Windows: a base letter followed by a mark character (lower / upper case marks).
_VNI_LOWER = {
    "aù": "á", "aø": "à", "aû": "ả", "aõ": "ã", "aï": "ạ", "aâ": "â", "aá": "ấ", "aà": "ầ", "aå": "ẩ", "aã": "ẫ",
    "aä": "ậ", "aê": "ă", "aé": "ắ", "aè": "ằ", "aú": "ẳ", "aü": "ẵ", "aë": "ặ",
    "eù": "é", "eø": "è", "eû": "ẻ", "eõ": "ẽ", "eï": "ẹ", "eâ": "ê", "eá": "ế", "eà": "ề", "eå": "ể", "eã": "ễ",
    "eä": "ệ",
    "où": "ó", "oø": "ò", "oû": "ỏ", "oõ": "õ", "oï": "ọ", "oâ": "ô", "oá": "ố", "oà": "ồ", "oå": "ổ", "oã": "ỗ",
    "oä": "ộ", "ôù": "ớ", "ôø": "ờ", "ôû": "ở", "ôõ": "ỡ", "ôï": "ợ",
    "uù": "ú", "uø": "ù", "uû": "ủ", "uõ": "ũ", "uï": "ụ", "öù": "ứ", "öø": "ừ", "öû": "ử", "öõ": "ữ", "öï": "ự",
    "yù": "ý", "yø": "ỳ", "yû": "ỷ", "yõ": "ỹ",
}
_VNI_SINGLE_LOWER = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "ñ": "đ", "ô": "ơ", "ö": "ư", "î": "ỵ"}
_UPPER_MARKS = str.maketrans("ùøûõïâáàåãäêéèúüë", "ÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË")


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    pairs = dict(_VNI_LOWER)
    for key, value in _VNI_LOWER.items():
        base = key[0].upper() if key[0] not in "ôö" else {"ô": "Ô", "ö": "Ö"}[key[0]]
        pairs[base + key[1].translate(_UPPER_MARKS)] = value.upper()
    singles = dict(_VNI_SINGLE_LOWER)
    for key, value in _VNI_SINGLE_LOWER.items():
        singles[key.upper()] = value.upper()
    return pairs, singles


VNI_PAIRS, VNI_SINGLES = _vni_tables()
_VNI_ALL = {**VNI_SINGLES, **VNI_PAIRS}
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI_PAIRS), key=len, reverse=True)))
_VNI_ANY = re.compile("|".join(sorted(map(re.escape, _VNI_ALL), key=len, reverse=True)))

# Letters of Vietnamese Unicode text beyond ASCII: a string made only of these (and ASCII) is already Unicode.
_VIETNAMESE = set(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
)
_COMMON = set("–—‘’“”…•°±×·§©®€ \u00a0")
_TCVN3_SIGNS = set(TCVN3_TO_UNICODE) - _VIETNAMESE
_VNI_SIGNS = set("øûïõäåæëüñöî") | set("ØÛÏÕÄÅÆËÜÑÖÎ")


_SUSPECT = re.compile("[" + re.escape("".join(sorted(_TCVN3_SIGNS | _VNI_SIGNS))) + "]")


def suspect(text: str) -> bool:
    """Fast pre-check: True when `text` holds a character typical of TCVN3 or VNI text (never of Unicode text)."""
    return _SUSPECT.search(text) is not None


def is_plain_vietnamese(text: str) -> bool:
    """True when every non-ASCII character of `text` is a Vietnamese Unicode letter or common punctuation."""
    return all(ord(ch) < 128 or ch in _VIETNAMESE or ch in _COMMON for ch in text)


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 (ABC) text to NFC Unicode."""
    return unicodedata.normalize("NFC", "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in text))


def vni_to_unicode(text: str) -> str:
    """Convert VNI-Windows text to NFC Unicode."""
    return unicodedata.normalize("NFC", _VNI_ANY.sub(lambda m: _VNI_ALL[m.group(0)], text))


def unicode_to_tcvn3(text: str) -> str:
    """The TCVN3 form of Unicode text (capitals written with the lower-case codes, as .VnTimeH fonts do)."""
    reverse = {v: k for k, v in TCVN3_TO_UNICODE.items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in reverse:
            out.append(reverse[ch])
        elif ch.lower() in reverse and ch not in "ĂÂĐÊÔƠƯ":
            out.append(reverse[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    """The VNI-Windows form of Unicode text."""
    reverse = {v: k for k, v in VNI_PAIRS.items()}
    reverse.update({v: k for k, v in VNI_SINGLES.items() if k != v})
    return "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


# A Vietnamese syllable: an initial consonant, one to three vowels, a final consonant (written forms, lower case,
# tones and vowel marks taken off). Foreign words whose letters happen to be TCVN3 or VNI codes ("Müller" would read
# "Mỹller", "Köln" "Kộln") are not syllables, so such a string is not converted.
_SYLLABLE = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?"
                       r"[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


def _syllables(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text).lower())
    plain = ("".join(c for c in unicodedata.normalize("NFD", w) if unicodedata.category(c) != "Mn") for w in words)
    return all(_SYLLABLE.fullmatch(w.replace("đ", "d")) for w, original in zip(plain, words, strict=True)
               if not original.isascii())


def guess_encoding(text: str) -> str:
    """"tcvn3", "vni" or "" for one string, from the characters it holds: an encoding is guessed only when the
    converted text is Vietnamese letters whose non-ASCII words are Vietnamese syllables."""
    if is_plain_vietnamese(text):
        return ""
    tcvn = sum(ch in _TCVN3_SIGNS for ch in text)
    vni = len(_VNI_PATTERN.findall(text)) + sum(ch in _VNI_SIGNS for ch in text)
    if not tcvn and not vni:
        return ""
    candidates = []
    if tcvn:
        candidates.append(("tcvn3", tcvn3_to_unicode(text), tcvn))
    if vni:
        candidates.append(("vni", vni_to_unicode(text), vni))
    good = [(name, score) for name, converted, score in candidates
            if is_plain_vietnamese(converted) and _syllables(converted)]
    if not good:
        return ""
    return max(good, key=lambda item: item[1])[0]


def encoding_from_fonts(font_names: set[str]) -> str:
    """"tcvn3" when the workbook uses .Vn fonts, "vni" for VNI- fonts, else ""."""
    names = {n.strip().lower() for n in font_names}
    if any(n.startswith(".vn") for n in names):
        return "tcvn3"
    if any(n.startswith("vni") for n in names):
        return "vni"
    return ""


def convert(text: str, encoding: str) -> str:
    """Convert `text` from `encoding` ("tcvn3" or "vni") when it looks encoded that way; else return it unchanged."""
    if not encoding or is_plain_vietnamese(text):
        return text
    converted = tcvn3_to_unicode(text) if encoding == "tcvn3" else vni_to_unicode(text)
    return converted if is_plain_vietnamese(converted) else text
