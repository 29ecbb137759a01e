// Gitignore pattern parsing and matching; see gitignore.hpp.
#include "scan/gitignore.hpp"

#include <cctype>
#include <cstring>

namespace ca {
namespace {

// Outcome of matching a pattern suffix. The two abort values prune the search: AbortAll
// means the text ran out (no later start position of any enclosing '*' can help),
// AbortToDoubleStar means a single '*' would have to cross a '/' (only an enclosing "**"
// can still help).
enum class Wm { Match, NoMatch, AbortAll, AbortToDoubleStar };

bool in_named_class(std::string_view name, unsigned char c) {
  if (name == "alnum") return std::isalnum(c);
  if (name == "alpha") return std::isalpha(c);
  if (name == "blank") return c == ' ' || c == '\t';
  if (name == "cntrl") return std::iscntrl(c);
  if (name == "digit") return std::isdigit(c);
  if (name == "graph") return std::isgraph(c);
  if (name == "lower") return std::islower(c);
  if (name == "print") return std::isprint(c);
  if (name == "punct") return std::ispunct(c);
  if (name == "space") return std::isspace(c);
  if (name == "upper") return std::isupper(c);
  if (name == "xdigit") return std::isxdigit(c);
  return false;
}

// Matches the bracket expression starting after '[' at `p` against `c`. On return `p`
// points at the closing ']'. Returns nullopt when the expression is not terminated.
std::optional<bool> match_class(const char*& p, const char* pend, unsigned char c) {
  bool negated = false;
  if (p < pend && (*p == '!' || *p == '^')) {
    negated = true;
    ++p;
  }
  bool matched = false;
  for (bool first = true;; first = false) {
    if (p >= pend) return std::nullopt;
    unsigned char lo = static_cast<unsigned char>(*p);
    if (lo == ']' && !first) break;
    if (lo == '[' && p + 1 < pend && p[1] == ':') {
      std::string_view rest(p + 2, static_cast<size_t>(pend - p - 2));
      size_t close = rest.find(":]");
      if (close != std::string_view::npos) {
        if (in_named_class(rest.substr(0, close), c)) matched = true;
        p += 2 + close + 2;
        continue;
      }
    }
    if (lo == '\\') {
      if (++p >= pend) return std::nullopt;
      lo = static_cast<unsigned char>(*p);
    }
    if (p + 2 < pend && p[1] == '-' && p[2] != ']') {
      p += 2;
      if (*p == '\\' && ++p >= pend) return std::nullopt;
      unsigned char hi = static_cast<unsigned char>(*p);
      if (lo <= c && c <= hi) matched = true;
    } else if (lo == c) {
      matched = true;
    }
    ++p;
  }
  return matched != negated;
}

Wm dowild(const char* p, const char* pend, const char* pbegin, const char* t, const char* tend) {
  for (; p < pend; ++p, ++t) {
    char pc = *p;
    if (t == tend && pc != '*') return Wm::AbortAll;
    switch (pc) {
      case '\\':
        if (++p == pend) return Wm::AbortAll;  // a trailing '\' matches nothing
        if (*t != *p) return Wm::NoMatch;
        break;
      case '?':
        if (*t == '/') return Wm::NoMatch;
        break;
      case '[': {
        ++p;
        auto in = match_class(p, pend, static_cast<unsigned char>(*t));
        if (!in) return Wm::AbortAll;  // unterminated class: the pattern matches nothing
        if (!*in || *t == '/') return Wm::NoMatch;
        break;
      }
      case '*': {
        const char* first_star = p;
        while (p + 1 < pend && p[1] == '*') ++p;
        bool whole_component =
            (first_star == pbegin || first_star[-1] == '/') && (p + 1 == pend || p[1] == '/');
        if (p > first_star && whole_component) {
          if (p + 1 == pend) return Wm::Match;  // trailing "**": everything below
          // "**/": zero or more whole directories, then the rest of the pattern.
          const char* rest = p + 2;
          for (const char* s = t;;) {
            Wm r = dowild(rest, pend, pbegin, s, tend);
            if (r == Wm::Match || r == Wm::AbortAll) return r;
            const void* slash = std::memchr(s, '/', static_cast<size_t>(tend - s));
            if (!slash) return Wm::NoMatch;
            s = static_cast<const char*>(slash) + 1;
          }
        }
        // A single '*' (or "**" that is not a whole component): anything but '/'.
        if (p + 1 == pend) {
          return std::memchr(t, '/', static_cast<size_t>(tend - t)) ? Wm::AbortToDoubleStar
                                                                    : Wm::Match;
        }
        for (;; ++t) {
          Wm r = dowild(p + 1, pend, pbegin, t, tend);
          if (r != Wm::NoMatch) return r;
          if (t == tend) return Wm::AbortAll;
          if (*t == '/') return Wm::AbortToDoubleStar;
        }
      }
      default:
        if (*t != pc) return Wm::NoMatch;
        break;
    }
  }
  return t == tend ? Wm::Match : Wm::NoMatch;
}

}  // namespace

bool wildmatch(std::string_view glob, std::string_view text) {
  const char* p = glob.data();
  const char* t = text.data();
  return dowild(p, p + glob.size(), p, t, t + text.size()) == Wm::Match;
}

std::optional<IgnorePattern> parse_ignore_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // Trailing spaces are dropped unless escaped with a backslash.
  while (!line.empty() && line.back() == ' ') {
    size_t backslashes = 0;
    for (size_t i = line.size() - 1; i > 0 && line[i - 1] == '\\'; --i) ++backslashes;
    if (backslashes % 2 == 1) break;
    line.remove_suffix(1);
  }
  if (line.empty() || line.front() == '#') return std::nullopt;
  IgnorePattern pat;
  if (line.front() == '!') {
    pat.negated = true;
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    pat.dir_only = true;
    line.remove_suffix(1);
  }
  if (line.find('/') != std::string_view::npos) {
    pat.anchored = true;
    if (line.front() == '/') line.remove_prefix(1);
  }
  if (line.empty()) return std::nullopt;  // "!", "/", "!/": nothing to match
  pat.glob = std::string(line);
  return pat;
}

IgnoreFile IgnoreFile::parse(std::string_view text, std::string base) {
  IgnoreFile file;
  file.base_ = std::move(base);
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (auto pat = parse_ignore_line(line)) file.patterns_.push_back(std::move(*pat));
  }
  return file;
}

IgnoreFile IgnoreFile::from_patterns(const std::vector<std::string>& patterns, std::string base) {
  IgnoreFile file;
  file.base_ = std::move(base);
  for (const std::string& line : patterns)
    if (auto pat = parse_ignore_line(line)) file.patterns_.push_back(std::move(*pat));
  return file;
}

std::optional<bool> IgnoreFile::match(std::string_view path, bool is_dir) const {
  std::string_view relative = path;
  if (!base_.empty()) {
    if (path.size() <= base_.size() || path.compare(0, base_.size(), base_) != 0 ||
        path[base_.size()] != '/') {
      return std::nullopt;
    }
    relative = path.substr(base_.size() + 1);
  }
  size_t slash = relative.rfind('/');
  std::string_view basename =
      slash == std::string_view::npos ? relative : relative.substr(slash + 1);
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->dir_only && !is_dir) continue;
    if (wildmatch(it->glob, it->anchored ? relative : basename)) return !it->negated;
  }
  return std::nullopt;
}

bool is_ignored(const IgnoreScope* scope, std::string_view path, bool is_dir) {
  for (; scope != nullptr; scope = scope->parent.get()) {
    if (auto verdict = scope->file.match(path, is_dir)) return *verdict;
  }
  return false;
}

}  // namespace ca
