// Small string helpers of the golden harness: trimming, splitting and `key=value` lists.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/assertion.hpp"

namespace ca::golden {

/// `s` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);

/// Splits at `sep` outside brackets and backquotes; parts are not trimmed.
std::vector<std::string_view> split_top_level(std::string_view s, char sep);

/// Whitespace-separated words.
std::vector<std::string_view> split_words(std::string_view s);

/// `key=value key~value ...`; a value is a backquoted string (`a b`) or runs to the next
/// space. Returns nullopt and sets `error` when malformed.
std::optional<std::vector<Attr>> parse_attrs(std::string_view s, std::string& error);

}  // namespace ca::golden
