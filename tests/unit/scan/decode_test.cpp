// Decoding Python sources: BOMs, PEP 263 declarations, iconv encodings with their offset
// maps, strict UTF-8 validation, binary files.
#include "scan/decode.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "scan/encoding_names.hpp"
#include "scan/utf8.hpp"

namespace ca {
namespace {

using namespace std::string_literals;

SourceText ok(std::string_view bytes) {
  auto r = decode_python_source(bytes);
  if (auto* e = std::get_if<DecodeError>(&r)) {
    ADD_FAILURE() << "unexpected " << e->code << ": " << e->message;
    return {};
  }
  return std::get<SourceText>(r);
}

DecodeError fails(std::string_view bytes) {
  auto r = decode_python_source(bytes);
  if (!std::holds_alternative<DecodeError>(r)) {
    ADD_FAILURE() << "decoded, but an error was expected";
    return {};
  }
  return std::get<DecodeError>(r);
}

TEST(Decode, PlainUtf8IsCopiedWithIdentityMap) {
  std::string src = "x = 'h\xc3\xa9' \xf0\x9f\x98\x80\r\ny = 2\r";
  SourceText t = ok(src);
  EXPECT_EQ(t.utf8, src);  // newlines untouched
  EXPECT_TRUE(t.to_original.empty());
  EXPECT_EQ(t.encoding, "utf-8");
  EXPECT_EQ(t.original_offset(5), 5);
}

TEST(Decode, EmptyFile) {
  SourceText t = ok("");
  EXPECT_EQ(t.utf8, "");
  EXPECT_EQ(t.encoding, "utf-8");
}

// Found by fuzzing (tests/fuzz/regressions/program/empty_unnamed_file_null_view): an empty
// view whose data() is null reached memchr, which must not get a null pointer (UBSan).
TEST(Decode, EmptyViewWithoutStorage) {
  SourceText t = ok(std::string_view());
  EXPECT_TRUE(t.utf8.empty());
}

TEST(Decode, Utf8BomIsDroppedAndOffsetsShift) {
  SourceText t = ok("\xEF\xBB\xBFx = 1\n");
  EXPECT_EQ(t.utf8, "x = 1\n");
  ASSERT_EQ(t.to_original.size(), t.utf8.size() + 1);
  EXPECT_EQ(t.original_offset(0), 3);
  EXPECT_EQ(t.original_offset(4), 7);
  EXPECT_EQ(t.original_offset(t.utf8.size()), 9);
}

TEST(Decode, BomWithUtf8DeclarationIsFine) {
  SourceText t = ok("\xEF\xBB\xBF# -*- coding: utf-8 -*-\nx = 1\n");
  EXPECT_EQ(t.utf8, "# -*- coding: utf-8 -*-\nx = 1\n");
}

TEST(Decode, BomWithOtherDeclarationIsAnError) {
  DecodeError e = fails("\xEF\xBB\xBF# coding: latin-1\nx = 1\n");
  EXPECT_EQ(e.code, "decode_error");
  EXPECT_NE(e.message.find("latin-1"), std::string::npos) << e.message;
}

TEST(Decode, Latin1DeclarationWithOffsetMap) {
  std::string src = "# -*- coding: latin-1 -*-\nx = '\xe9t\xe9'\n";
  SourceText t = ok(src);
  EXPECT_EQ(t.encoding, "iso-8859-1");
  EXPECT_EQ(t.utf8, "# -*- coding: latin-1 -*-\nx = '\xc3\xa9t\xc3\xa9'\n");
  ASSERT_EQ(t.to_original.size(), t.utf8.size() + 1);
  size_t e1 = src.find('\xe9');  // original offset of the first é
  size_t u1 = t.utf8.find("\xc3\xa9");
  EXPECT_EQ(t.original_offset(u1), static_cast<int64_t>(e1));
  EXPECT_EQ(t.original_offset(u1 + 1), static_cast<int64_t>(e1));      // inside the character
  EXPECT_EQ(t.original_offset(u1 + 2), static_cast<int64_t>(e1 + 1));  // 't'
  EXPECT_EQ(t.original_offset(u1 + 3), static_cast<int64_t>(e1 + 2));  // second é
  EXPECT_EQ(t.original_offset(t.utf8.size()), static_cast<int64_t>(src.size()));
}

TEST(Decode, Cp1252MapsEuroSign) {
  std::string src = "# coding: cp1252\ns = '\x80'\n";
  SourceText t = ok(src);
  EXPECT_EQ(t.encoding, "cp1252");
  EXPECT_EQ(t.utf8, "# coding: cp1252\ns = '\xe2\x82\xac'\n");
  size_t u = t.utf8.find("\xe2\x82\xac");
  for (size_t k = 0; k < 3; ++k) EXPECT_EQ(t.original_offset(u + k), 22);
  EXPECT_EQ(t.original_offset(u + 3), 23);
}

TEST(Decode, Cp1252UndefinedByteIsADecodeErrorAtItsOffset) {
  DecodeError e = fails("# coding: windows-1252\ns = '\x81'\n");
  EXPECT_EQ(e.code, "decode_error");
  EXPECT_EQ(e.bstart, 28);
  EXPECT_EQ(e.bend, 29);
  EXPECT_NE(e.message.find("byte 28"), std::string::npos) << e.message;
}

TEST(Decode, Cp1258DoesNotComposeAccentsLikePython) {
  // glibc's CP1258 would compose "a" + 0xCC into U+00E0; Python's codec gives "a" U+0300.
  std::string src = "# coding: cp1258\nx = 'a\xcc'\n";
  SourceText t = ok(src);
  EXPECT_EQ(t.utf8, "# coding: cp1258\nx = 'a\xcc\x80'\n");
  EXPECT_EQ(t.original_offset(23), 23);  // U+0300 starts where 0xCC is
  EXPECT_EQ(t.original_offset(24), 23);
  EXPECT_EQ(t.original_offset(25), 24);
}

TEST(Decode, MultiByteEncodingThroughIconv) {
  // Shift_JIS "\x82\xa0" is HIRAGANA A (U+3042, UTF-8 e3 81 82).
  std::string src = "# coding: shift_jis\nx = '\x82\xa0'\n";
  SourceText t = ok(src);
  EXPECT_EQ(t.encoding, "shift_jis");
  EXPECT_EQ(t.utf8, "# coding: shift_jis\nx = '\xe3\x81\x82'\n");
  ASSERT_EQ(t.to_original.size(), t.utf8.size() + 1);
  size_t u = t.utf8.find("\xe3\x81\x82");
  size_t o = src.find("\x82\xa0");
  for (size_t k = 0; k < 3; ++k) EXPECT_EQ(t.original_offset(u + k), static_cast<int64_t>(o));
  EXPECT_EQ(t.original_offset(u + 3), static_cast<int64_t>(o + 2));
  EXPECT_EQ(t.original_offset(t.utf8.size()), static_cast<int64_t>(src.size()));
}

TEST(Decode, StatefulEncodingThroughIconv) {
  // ISO-2022-JP: ESC $ B switches to JIS X 0208, "\x24\x22" is HIRAGANA A, ESC ( B back.
  std::string src = "# coding: iso2022_jp\nx = '\x1b$B$\"\x1b(B'\n";
  SourceText t = ok(src);
  EXPECT_EQ(t.utf8, "# coding: iso2022_jp\nx = '\xe3\x81\x82'\n");
  ASSERT_EQ(t.to_original.size(), t.utf8.size() + 1);
  EXPECT_EQ(t.original_offset(t.utf8.find('\xe3')), static_cast<int64_t>(src.find("$\"")));
  EXPECT_EQ(t.original_offset(t.utf8.size() - 1), static_cast<int64_t>(src.size() - 1));
}

TEST(Decode, TruncatedMultiByteSequenceAtEnd) {
  DecodeError e = fails("# coding: shift_jis\nx = 1 #\x82");
  EXPECT_EQ(e.code, "decode_error");
  EXPECT_EQ(e.bstart, 27);
}

TEST(Decode, DeclarationOnLineTwoAfterShebangOrBlankLine) {
  EXPECT_EQ(ok("#!/usr/bin/env python\n# -*- coding: latin-1 -*-\n").encoding, "iso-8859-1");
  EXPECT_EQ(ok("\n# coding=latin-1\n").encoding, "iso-8859-1");
  EXPECT_EQ(ok("  \t\r\n# coding=latin-1\n").encoding, "iso-8859-1");
}

TEST(Decode, DeclarationIgnoredAfterCodeOrOnLineThree) {
  EXPECT_EQ(ok("x = 1\n# coding: latin-1\n").encoding, "utf-8");
  EXPECT_EQ(ok("#\n#\n# coding: latin-1\n").encoding, "utf-8");
  EXPECT_EQ(ok("x = 1  # coding: latin-1\n").encoding, "utf-8");  // not a comment line
}

TEST(Decode, DeclarationVariants) {
  EXPECT_EQ(ok("# vim: set fileencoding=utf8 :\n").encoding, "utf-8");
  EXPECT_EQ(ok("# coding: UTF_8\n").encoding, "utf-8");
  EXPECT_EQ(ok("# coding: u8\n").encoding, "utf-8");
  EXPECT_EQ(ok("# coding: utf-8-sig\n").encoding, "utf-8");
  EXPECT_EQ(ok("# coding: ISO8859-1\n").encoding, "iso-8859-1");
  EXPECT_EQ(ok("# coding: l1\n").encoding, "iso-8859-1");
  EXPECT_EQ(ok("# codingfoo coding: latin1\n").encoding, "iso-8859-1");  // first "coding" lacks ':'
  EXPECT_EQ(ok("# coding:\n").encoding, "utf-8");                        // no name: no declaration
}

TEST(EncodingNames, NormalizeAsPython) {
  EXPECT_EQ(lookup_source_encoding("UTF-8")->name, "utf-8");
  EXPECT_EQ(lookup_source_encoding("utf_8")->name, "utf-8");
  EXPECT_EQ(lookup_source_encoding("Latin-1")->iconv_name, "ISO-8859-1");
  EXPECT_EQ(lookup_source_encoding("iso-8859-1")->name, "iso-8859-1");
  EXPECT_EQ(lookup_source_encoding("Windows-1252")->name, "cp1252");
  EXPECT_EQ(lookup_source_encoding("latin9")->name, "iso8859-15");
  EXPECT_FALSE(lookup_source_encoding("latin-9"));  // unknown to Python too
  EXPECT_TRUE(lookup_source_encoding("utf-16")->is_wide);
  EXPECT_FALSE(lookup_source_encoding("klingon"));
}

TEST(Decode, UnknownEncodingNamesIt) {
  std::string src = "# coding: klingon\n";
  DecodeError e = fails(src);
  EXPECT_EQ(e.code, "unknown_encoding");
  EXPECT_NE(e.message.find("klingon"), std::string::npos);
  EXPECT_EQ(e.bstart, 10);
  EXPECT_EQ(e.bend, 17);
}

TEST(Decode, DeclaredUtf16IsNotSupported) {
  DecodeError e = fails("# coding: utf-16\n");
  EXPECT_EQ(e.code, "decode_error");
  EXPECT_NE(e.message.find("UTF-16"), std::string::npos);
}

TEST(Decode, InvalidUtf8WithoutDeclarationNamesTheOffset) {
  DecodeError e = fails("x = 1\n# \xe9t\xe9\n");
  EXPECT_EQ(e.code, "decode_error");
  EXPECT_EQ(e.bstart, 8);
  EXPECT_EQ(e.bend, 9);
  EXPECT_NE(e.message.find("invalid UTF-8 at byte 8"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("PEP 263"), std::string::npos) << e.message;
}

TEST(Decode, InvalidUtf8AfterBomCountsTheBom) {
  DecodeError e = fails("\xEF\xBB\xBFx\xff");
  EXPECT_EQ(e.bstart, 4);
}

TEST(Decode, RejectsOverlongsSurrogatesAndOutOfRange) {
  EXPECT_EQ(fails("a\xc0\xaf").bstart, 1);          // overlong '/'
  EXPECT_EQ(fails("a\xc1\xbf").bstart, 1);          // overlong
  EXPECT_EQ(fails("a\xe0\x80\xaf").bstart, 1);      // overlong 3-byte
  EXPECT_EQ(fails("a\xf0\x80\x80\xaf").bstart, 1);  // overlong 4-byte
  EXPECT_EQ(fails("a\xed\xa0\x80").bstart, 1);      // surrogate U+D800
  EXPECT_EQ(fails("a\xf4\x90\x80\x80").bstart, 1);  // U+110000
  EXPECT_EQ(fails("a\xf5\x80\x80\x80").bstart, 1);
  EXPECT_EQ(fails("a\x80").bstart, 1);  // stray continuation byte
}

TEST(Decode, TruncatedUtf8SequenceSpansItsBytes) {
  DecodeError e = fails("ab\xe2\x82");
  EXPECT_EQ(e.bstart, 2);
  EXPECT_EQ(e.bend, 4);
  DecodeError f = fails("ab\xe2\x82x");
  EXPECT_EQ(f.bstart, 2);
  EXPECT_EQ(f.bend, 4);
}

TEST(Utf8, AcceptsBoundaryCodePoints) {
  Utf8Error err;
  EXPECT_TRUE(
      validate_utf8("\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80"
                    "\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf",
                    err));
  EXPECT_FALSE(validate_utf8("12345678901234567890\xff", err));
  EXPECT_EQ(err.offset, 20u);
  EXPECT_EQ(err.length, 1u);
}

TEST(Decode, NulByteInValidUtf8IsASyntaxError) {
  // CPython: "source code cannot contain null bytes".
  DecodeError e = fails("x = 1\n\0\0"s);
  EXPECT_EQ(e.code, "null_byte");
  EXPECT_EQ(e.status, "syntax_error");
  EXPECT_EQ(e.bstart, 6);
  EXPECT_EQ(e.bend, 7);
}

TEST(Decode, NulByteInInvalidUtf8MeansBinaryFile) {
  DecodeError e = fails("\x89PNG\r\n\x1a\n\0\0\xff"s);
  EXPECT_EQ(e.code, "binary_file");
  EXPECT_EQ(e.status, "decode_error");
  EXPECT_EQ(e.bstart, 8);
}

TEST(Decode, Utf16AndUtf32BomsAreNotSupported) {
  DecodeError le = fails("\xFF\xFEx\0"s);
  EXPECT_EQ(le.code, "decode_error");
  EXPECT_NE(le.message.find("UTF-16"), std::string::npos);
  EXPECT_NE(le.message.find("re-encode"), std::string::npos);
  EXPECT_EQ(fails("\xFE\xFF\0x"s).code, "decode_error");
  DecodeError u32 = fails("\xFF\xFE\0\0x\0\0\0"s);
  EXPECT_EQ(u32.code, "decode_error");
  EXPECT_NE(u32.message.find("UTF-32"), std::string::npos);
}

TEST(Decode, BigUtf8FileIsFast) {
  std::string line = "def f(x):  # r\xc3\xa9sum\xc3\xa9 \xe2\x82\xac\n    return x + 1\n";
  std::string big;
  big.reserve(20u << 20);
  while (big.size() < (20u << 20)) big += line;
  auto start = std::chrono::steady_clock::now();
  SourceText t = ok(big);
  auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(t.utf8.size(), big.size());
  // The goal is well under 100 ms; the bound leaves room for sanitizer builds.
  EXPECT_LT(ms, 1000.0);
  RecordProperty("decode_20mb_ms", std::to_string(ms));
}

}  // namespace
}  // namespace ca
