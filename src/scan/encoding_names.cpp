// Encoding name normalization and alias table; see encoding_names.hpp.
#include "scan/encoding_names.hpp"

#include <array>
#include <cctype>

namespace ca {
namespace {

struct Alias {
  std::string_view key;  // normalized alias
  std::string_view name;
  std::string_view iconv;
};

// Python's encodings.aliases (the ASCII-compatible codecs, which a coding declaration can
// name), reduced to normalized keys.
constexpr std::array kAliases = {
    Alias{"utf_8", "utf-8", "UTF-8"},
    Alias{"utf8", "utf-8", "UTF-8"},
    Alias{"u8", "utf-8", "UTF-8"},
    Alias{"utf", "utf-8", "UTF-8"},
    Alias{"utf8_ucs2", "utf-8", "UTF-8"},
    Alias{"utf8_ucs4", "utf-8", "UTF-8"},
    Alias{"cp65001", "utf-8", "UTF-8"},
    Alias{"latin_1", "iso-8859-1", "ISO-8859-1"},
    Alias{"latin1", "iso-8859-1", "ISO-8859-1"},
    Alias{"latin", "iso-8859-1", "ISO-8859-1"},
    Alias{"l1", "iso-8859-1", "ISO-8859-1"},
    Alias{"iso8859_1", "iso-8859-1", "ISO-8859-1"},
    Alias{"iso_8859_1", "iso-8859-1", "ISO-8859-1"},
    Alias{"iso8859", "iso-8859-1", "ISO-8859-1"},
    Alias{"8859", "iso-8859-1", "ISO-8859-1"},
    Alias{"cp819", "iso-8859-1", "ISO-8859-1"},
    Alias{"ibm819", "iso-8859-1", "ISO-8859-1"},
    Alias{"iso_ir_100", "iso-8859-1", "ISO-8859-1"},
    Alias{"iso_8859_1_1987", "iso-8859-1", "ISO-8859-1"},
    Alias{"csisolatin1", "iso-8859-1", "ISO-8859-1"},
    Alias{"ascii", "ascii", "ASCII"},
    Alias{"us_ascii", "ascii", "ASCII"},
    Alias{"us", "ascii", "ASCII"},
    Alias{"646", "ascii", "ASCII"},
    Alias{"ansi_x3.4_1968", "ascii", "ASCII"},
    Alias{"ansi_x3_4_1968", "ascii", "ASCII"},
    Alias{"ansi_x3.4_1986", "ascii", "ASCII"},
    Alias{"cp367", "ascii", "ASCII"},
    Alias{"csascii", "ascii", "ASCII"},
    Alias{"ibm367", "ascii", "ASCII"},
    Alias{"iso646_us", "ascii", "ASCII"},
    Alias{"iso_646.irv_1991", "ascii", "ASCII"},
    Alias{"iso_ir_6", "ascii", "ASCII"},
    Alias{"iso8859_2", "iso8859-2", "ISO-8859-2"},
    Alias{"iso_8859_2", "iso8859-2", "ISO-8859-2"},
    Alias{"latin2", "iso8859-2", "ISO-8859-2"},
    Alias{"l2", "iso8859-2", "ISO-8859-2"},
    Alias{"iso8859_3", "iso8859-3", "ISO-8859-3"},
    Alias{"iso_8859_3", "iso8859-3", "ISO-8859-3"},
    Alias{"latin3", "iso8859-3", "ISO-8859-3"},
    Alias{"l3", "iso8859-3", "ISO-8859-3"},
    Alias{"iso8859_4", "iso8859-4", "ISO-8859-4"},
    Alias{"iso_8859_4", "iso8859-4", "ISO-8859-4"},
    Alias{"latin4", "iso8859-4", "ISO-8859-4"},
    Alias{"l4", "iso8859-4", "ISO-8859-4"},
    Alias{"iso8859_5", "iso8859-5", "ISO-8859-5"},
    Alias{"iso_8859_5", "iso8859-5", "ISO-8859-5"},
    Alias{"cyrillic", "iso8859-5", "ISO-8859-5"},
    Alias{"iso8859_6", "iso8859-6", "ISO-8859-6"},
    Alias{"iso_8859_6", "iso8859-6", "ISO-8859-6"},
    Alias{"arabic", "iso8859-6", "ISO-8859-6"},
    Alias{"iso8859_7", "iso8859-7", "ISO-8859-7"},
    Alias{"iso_8859_7", "iso8859-7", "ISO-8859-7"},
    Alias{"greek", "iso8859-7", "ISO-8859-7"},
    Alias{"greek8", "iso8859-7", "ISO-8859-7"},
    Alias{"iso8859_8", "iso8859-8", "ISO-8859-8"},
    Alias{"iso_8859_8", "iso8859-8", "ISO-8859-8"},
    Alias{"hebrew", "iso8859-8", "ISO-8859-8"},
    Alias{"iso8859_9", "iso8859-9", "ISO-8859-9"},
    Alias{"iso_8859_9", "iso8859-9", "ISO-8859-9"},
    Alias{"latin5", "iso8859-9", "ISO-8859-9"},
    Alias{"l5", "iso8859-9", "ISO-8859-9"},
    Alias{"iso8859_10", "iso8859-10", "ISO-8859-10"},
    Alias{"iso_8859_10", "iso8859-10", "ISO-8859-10"},
    Alias{"latin6", "iso8859-10", "ISO-8859-10"},
    Alias{"l6", "iso8859-10", "ISO-8859-10"},
    Alias{"iso8859_11", "iso8859-11", "ISO-8859-11"},
    Alias{"iso_8859_11", "iso8859-11", "ISO-8859-11"},
    Alias{"thai", "iso8859-11", "ISO-8859-11"},
    Alias{"iso8859_13", "iso8859-13", "ISO-8859-13"},
    Alias{"iso_8859_13", "iso8859-13", "ISO-8859-13"},
    Alias{"latin7", "iso8859-13", "ISO-8859-13"},
    Alias{"l7", "iso8859-13", "ISO-8859-13"},
    Alias{"iso8859_14", "iso8859-14", "ISO-8859-14"},
    Alias{"iso_8859_14", "iso8859-14", "ISO-8859-14"},
    Alias{"latin8", "iso8859-14", "ISO-8859-14"},
    Alias{"l8", "iso8859-14", "ISO-8859-14"},
    Alias{"iso8859_15", "iso8859-15", "ISO-8859-15"},
    Alias{"iso_8859_15", "iso8859-15", "ISO-8859-15"},
    Alias{"latin9", "iso8859-15", "ISO-8859-15"},
    Alias{"l9", "iso8859-15", "ISO-8859-15"},
    Alias{"iso8859_16", "iso8859-16", "ISO-8859-16"},
    Alias{"iso_8859_16", "iso8859-16", "ISO-8859-16"},
    Alias{"latin10", "iso8859-16", "ISO-8859-16"},
    Alias{"l10", "iso8859-16", "ISO-8859-16"},
    Alias{"cp1250", "cp1250", "CP1250"},
    Alias{"windows_1250", "cp1250", "CP1250"},
    Alias{"1250", "cp1250", "CP1250"},
    Alias{"cp1251", "cp1251", "CP1251"},
    Alias{"windows_1251", "cp1251", "CP1251"},
    Alias{"1251", "cp1251", "CP1251"},
    Alias{"cp1252", "cp1252", "CP1252"},
    Alias{"windows_1252", "cp1252", "CP1252"},
    Alias{"1252", "cp1252", "CP1252"},
    Alias{"cp1253", "cp1253", "CP1253"},
    Alias{"windows_1253", "cp1253", "CP1253"},
    Alias{"1253", "cp1253", "CP1253"},
    Alias{"cp1254", "cp1254", "CP1254"},
    Alias{"windows_1254", "cp1254", "CP1254"},
    Alias{"1254", "cp1254", "CP1254"},
    Alias{"cp1255", "cp1255", "CP1255"},
    Alias{"windows_1255", "cp1255", "CP1255"},
    Alias{"1255", "cp1255", "CP1255"},
    Alias{"cp1256", "cp1256", "CP1256"},
    Alias{"windows_1256", "cp1256", "CP1256"},
    Alias{"1256", "cp1256", "CP1256"},
    Alias{"cp1257", "cp1257", "CP1257"},
    Alias{"windows_1257", "cp1257", "CP1257"},
    Alias{"1257", "cp1257", "CP1257"},
    Alias{"cp1258", "cp1258", "CP1258"},
    Alias{"windows_1258", "cp1258", "CP1258"},
    Alias{"1258", "cp1258", "CP1258"},
    Alias{"cp437", "cp437", "CP437"},
    Alias{"437", "cp437", "CP437"},
    Alias{"ibm437", "cp437", "CP437"},
    Alias{"cp850", "cp850", "CP850"},
    Alias{"850", "cp850", "CP850"},
    Alias{"ibm850", "cp850", "CP850"},
    Alias{"cp852", "cp852", "CP852"},
    Alias{"852", "cp852", "CP852"},
    Alias{"ibm852", "cp852", "CP852"},
    Alias{"cp858", "cp858", "CP858"},
    Alias{"858", "cp858", "CP858"},
    Alias{"ibm858", "cp858", "CP858"},
    Alias{"cp866", "cp866", "CP866"},
    Alias{"866", "cp866", "CP866"},
    Alias{"ibm866", "cp866", "CP866"},
    Alias{"cp874", "cp874", "CP874"},
    Alias{"tis_620", "tis-620", "TIS-620"},
    Alias{"tis620", "tis-620", "TIS-620"},
    Alias{"koi8_r", "koi8-r", "KOI8-R"},
    Alias{"cskoi8r", "koi8-r", "KOI8-R"},
    Alias{"koi8_u", "koi8-u", "KOI8-U"},
    Alias{"mac_roman", "mac-roman", "MACINTOSH"},
    Alias{"macroman", "mac-roman", "MACINTOSH"},
    Alias{"macintosh", "mac-roman", "MACINTOSH"},
    Alias{"mac_cyrillic", "mac-cyrillic", "MAC-CYRILLIC"},
    Alias{"maccyrillic", "mac-cyrillic", "MAC-CYRILLIC"},
    Alias{"shift_jis", "shift_jis", "SHIFT_JIS"},
    Alias{"shiftjis", "shift_jis", "SHIFT_JIS"},
    Alias{"sjis", "shift_jis", "SHIFT_JIS"},
    Alias{"s_jis", "shift_jis", "SHIFT_JIS"},
    Alias{"csshiftjis", "shift_jis", "SHIFT_JIS"},
    Alias{"cp932", "cp932", "CP932"},
    Alias{"932", "cp932", "CP932"},
    Alias{"ms932", "cp932", "CP932"},
    Alias{"mskanji", "cp932", "CP932"},
    Alias{"ms_kanji", "cp932", "CP932"},
    Alias{"euc_jp", "euc_jp", "EUC-JP"},
    Alias{"eucjp", "euc_jp", "EUC-JP"},
    Alias{"ujis", "euc_jp", "EUC-JP"},
    Alias{"u_jis", "euc_jp", "EUC-JP"},
    Alias{"iso2022_jp", "iso2022_jp", "ISO-2022-JP"},
    Alias{"iso_2022_jp", "iso2022_jp", "ISO-2022-JP"},
    Alias{"iso2022jp", "iso2022_jp", "ISO-2022-JP"},
    Alias{"csiso2022jp", "iso2022_jp", "ISO-2022-JP"},
    Alias{"euc_kr", "euc_kr", "EUC-KR"},
    Alias{"euckr", "euc_kr", "EUC-KR"},
    Alias{"korean", "euc_kr", "EUC-KR"},
    Alias{"ksc5601", "euc_kr", "EUC-KR"},
    Alias{"ks_c_5601", "euc_kr", "EUC-KR"},
    Alias{"ks_c_5601_1987", "euc_kr", "EUC-KR"},
    Alias{"ksx1001", "euc_kr", "EUC-KR"},
    Alias{"ks_x_1001", "euc_kr", "EUC-KR"},
    Alias{"cp949", "cp949", "CP949"},
    Alias{"949", "cp949", "CP949"},
    Alias{"ms949", "cp949", "CP949"},
    Alias{"uhc", "cp949", "CP949"},
    Alias{"johab", "johab", "JOHAB"},
    Alias{"cp1361", "johab", "JOHAB"},
    Alias{"ms1361", "johab", "JOHAB"},
    Alias{"gb2312", "gb2312", "EUC-CN"},
    Alias{"chinese", "gb2312", "EUC-CN"},
    Alias{"euc_cn", "gb2312", "EUC-CN"},
    Alias{"euccn", "gb2312", "EUC-CN"},
    Alias{"eucgb2312_cn", "gb2312", "EUC-CN"},
    Alias{"gb2312_1980", "gb2312", "EUC-CN"},
    Alias{"gb2312_80", "gb2312", "EUC-CN"},
    Alias{"iso_ir_58", "gb2312", "EUC-CN"},
    Alias{"gbk", "gbk", "GBK"},
    Alias{"936", "gbk", "GBK"},
    Alias{"cp936", "gbk", "GBK"},
    Alias{"ms936", "gbk", "GBK"},
    Alias{"gb18030", "gb18030", "GB18030"},
    Alias{"gb18030_2000", "gb18030", "GB18030"},
    Alias{"big5", "big5", "BIG5"},
    Alias{"big5_tw", "big5", "BIG5"},
    Alias{"csbig5", "big5", "BIG5"},
    Alias{"big5hkscs", "big5hkscs", "BIG5-HKSCS"},
    Alias{"big5_hkscs", "big5hkscs", "BIG5-HKSCS"},
    Alias{"hkscs", "big5hkscs", "BIG5-HKSCS"},
    Alias{"cp950", "cp950", "CP950"},
    Alias{"950", "cp950", "CP950"},
    Alias{"ms950", "cp950", "CP950"},
    Alias{"utf_7", "utf-7", "UTF-7"},
    Alias{"utf7", "utf-7", "UTF-7"},
    Alias{"u7", "utf-7", "UTF-7"},
    Alias{"unicode_1_1_utf_7", "utf-7", "UTF-7"},
};

// UTF-16 and UTF-32 under their Python aliases: known, but not usable for a source file.
constexpr std::array<std::string_view, 18> kWide = {
    "utf_16",    "utf16",    "u16",
    "utf_16_le", "utf_16le", "unicodelittleunmarked",
    "utf_16_be", "utf_16be", "unicodebigunmarked",
    "utf_32",    "utf32",    "u32",
    "utf_32_le", "utf_32le", "utf_32_be",
    "utf_32be",  "ucs_2",    "ucs_4"};

// encodings.normalize_encoding, then lower case.
std::string normalize(std::string_view declared) {
  std::string out;
  bool punct = false;
  for (char ch : declared) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '.') {
      if (punct && !out.empty()) out += '_';
      if (c < 0x80) out += static_cast<char>(std::tolower(c));
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

bool has_prefix(std::string_view s, std::string_view prefix) {
  return s.size() > prefix.size() && s.substr(0, prefix.size()) == prefix &&
         s[prefix.size()] == '_';
}

}  // namespace

std::optional<SourceEncoding> lookup_source_encoding(std::string_view declared) {
  std::string key = normalize(declared);
  // CPython's tokenizer (get_normal_name): "utf-8-*" and "latin-1-*" variants.
  if (has_prefix(key, "utf_8")) key = "utf_8";
  for (std::string_view latin : {"latin_1", "iso_8859_1", "iso_latin_1"}) {
    if (key == latin || has_prefix(key, latin)) key = "latin_1";
  }
  for (const Alias& alias : kAliases) {
    if (alias.key == key) {
      return SourceEncoding{std::string(alias.name), std::string(alias.iconv),
                            alias.name == "utf-8", false};
    }
  }
  for (std::string_view wide : kWide) {
    if (wide == key) return SourceEncoding{std::string(declared), "", false, true};
  }
  return std::nullopt;
}

}  // namespace ca
