// Gitignore patterns: parsing the lines of a .gitignore (or .git/info/exclude) file and
// deciding whether a path below that file's directory is ignored, with git's semantics.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

/// One pattern line of an ignore file, already parsed.
struct IgnorePattern {
  std::string glob;       ///< the pattern without '!', leading '/' and trailing '/'
  bool negated = false;   ///< "!pattern": re-includes what an earlier pattern excluded
  bool dir_only = false;  ///< "pattern/": matches directories only
  bool anchored = false;  ///< contains a '/': matched against the path relative to the
                          ///< ignore file's directory; otherwise against the base name
};

/// The patterns of one ignore file, which apply to paths below `base` (repo-relative
/// directory, "" for the root).
class IgnoreFile {
 public:
  /// Parses the text of an ignore file: blank lines and '#' comments are skipped, "\#" and
  /// "\!" escape a leading '#' / '!', unescaped trailing spaces are dropped, a trailing
  /// "\r" (CRLF files) is dropped. Never fails: a malformed pattern simply matches nothing.
  static IgnoreFile parse(std::string_view text, std::string base);

  /// The same from a list of pattern lines (one pattern each, e.g. the include/exclude
  /// lists of the configuration). Entries that parse to nothing are skipped.
  static IgnoreFile from_patterns(const std::vector<std::string>& patterns, std::string base);

  /// The verdict of the last pattern that matches `path` (repo-relative, '/'-separated,
  /// below `base`): true = ignored, false = re-included (negated), nullopt = no pattern
  /// of this file matches.
  std::optional<bool> match(std::string_view path, bool is_dir) const;

  const std::vector<IgnorePattern>& patterns() const { return patterns_; }
  bool empty() const { return patterns_.empty(); }

 private:
  std::string base_;
  std::vector<IgnorePattern> patterns_;
};

/// The ignore files in force in one directory: the innermost file first, then the files of
/// the enclosing directories (and .git/info/exclude at the bottom), shared between siblings.
struct IgnoreScope {
  IgnoreFile file;
  std::shared_ptr<const IgnoreScope> parent;
};

/// Whether git ignores `path` (repo-relative; `is_dir` for directories): the innermost
/// ignore file with a matching pattern decides, within a file the last matching pattern.
/// The caller must not descend into ignored directories: that is what makes "a file below
/// an excluded directory cannot be re-included" hold.
bool is_ignored(const IgnoreScope* scope, std::string_view path, bool is_dir);

/// Parses one line of an ignore file; nullopt for blank lines and comments.
std::optional<IgnorePattern> parse_ignore_line(std::string_view line);

/// Git's wildmatch with path semantics: '*' and '?' and "[...]" never match '/'; "**" as
/// a whole path component ("**/x", "x/**", "x/**/y") matches across directories;
/// "[!...]"/"[^...]" negate a class; ranges and "[:alpha:]"-style classes are supported;
/// '\' escapes the next character. Returns whether `text` matches `glob` entirely.
bool wildmatch(std::string_view glob, std::string_view text);

}  // namespace ca
