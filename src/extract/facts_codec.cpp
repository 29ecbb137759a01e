// Binary form of one file's extraction; see facts_codec.hpp.
//
// Rows are written through the column list they already declare (`columns(f)`), then their
// in-memory fields; the flow blocks and the IR list their fields here. Scalars are stored as
// their bytes, except 32- and 64-bit integers other than ids, which are small (offsets,
// lines, indexes) and stored as variable-length integers (7 bits a byte, signed ones
// zigzagged; unsigned 32-bit ones plus one, so that the "none" index UINT32_MAX takes one
// byte); vectors have their length before them, optionals a presence byte. Ids and strings
// recur across a file's rows (a scope id, a qualname, "load"): each is written whole the
// first time, with a 0 before it, and then as its number among those written (plus one). The same
// field lists drive the writer and the reader, so the two cannot disagree on the order.
#include "extract/facts_codec.hpp"

#include "core/interner.hpp"
#include "core/node_map.hpp"

#include <concepts>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

namespace ca {
namespace {

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

template <class Row, class V>
concept HasColumns = requires(const Row& row, V& v) {
  row.columns(v);
};

// ---------------------------------------------------------------------------------------
// Field lists beyond the rows' columns. `V` is the writer or the reader; `T` is const for
// the writer.

/// The fields of a row that are not columns: where its binding sits in the control flow.
template <class V, class T>
void memory_fields(V& v, T& row) {
  if constexpr (Is<T, DefRow>) {
    v("flow_block", row.flow_block);
    v("flow_pos", row.flow_pos);
  } else if constexpr (Is<T, ParamRow> || Is<T, NameRow> || Is<T, ImportRow> ||
                       Is<T, ScopeDeclRow>) {
    v("flow_block", row.flow_block);
  }
}

template <class V, class T>
requires Is<T, FlowBlock>
void fields(V& v, T& b) {
  v("parent", b.parent);
  v("scope_id", b.scope_id);
  v("kind", b.kind);
  v("construct", b.construct);
  v("arm", b.arm);
}

template <class V, class T>
requires Is<T, ir::Expr>
void fields(V& v, T& e) {
  v("kind", e.kind);
  v("const_kind", e.const_kind);
  v("a", e.a);
  v("b", e.b);
  v("items_first", e.items_first);
  v("items_count", e.items_count);
  v("scope", e.scope);
  v("node_id", e.node_id);
  v("bstart", e.bstart);
  v("bend", e.bend);
  v("text", e.text);
}

template <class V, class T>
requires Is<T, ir::Arg>
void fields(V& v, T& a) {
  v("value", a.value);
  v("keyword", a.keyword);
}

template <class V, class T>
requires Is<T, ir::Stmt>
void fields(V& v, T& s) {
  v("kind", s.kind);
  v("scope", s.scope);
  v("target", s.target);
  v("value", s.value);
  v("extra", s.extra);
  v("items_first", s.items_first);
  v("items_count", s.items_count);
  v("extra_items_first", s.extra_items_first);
  v("extra_items_count", s.extra_items_count);
  v("args_first", s.args_first);
  v("args_count", s.args_count);
  v("node_id", s.node_id);
  v("bstart", s.bstart);
  v("bend", s.bend);
}

template <class V, class T>
requires Is<T, ir::ParamDefault>
void fields(V& v, T& p) {
  v("function_id", p.function_id);
  v("parameter_id", p.parameter_id);
  v("value", p.value);
}

template <class V, class T>
requires Is<T, ir::FileIr>
void fields(V& v, T& ir) {
  v("exprs", ir.exprs);
  v("items", ir.items);
  v("args", ir.args);
  v("stmts", ir.stmts);
  v("params", ir.params);
  v("dunder_all", ir.dunder_all);
  v("has_dunder_all", ir.has_dunder_all);
}

template <class V, class T>
requires Is<T, FileFacts>
void fields(V& v, T& f) {
  for_each_fact_table(f, [&](const char* table, auto& rows) { v(table, rows); });
  v("flow_blocks", f.flow_blocks);
  v("ir", f.ir);
}

/// A row: its columns, then its in-memory fields.
template <class V, class T>
requires HasColumns<std::remove_const_t<T>, V>
void fields(V& v, T& row) {
  std::as_const(row).columns(v);
  memory_fields(v, row);
}

template <class T>
concept Scalar = std::is_arithmetic_v<T> || std::is_enum_v<T>;

/// Integers stored as variable-length integers: all but ids and hashes (uint64_t), bytes
/// and enums.
template <class T>
concept Varint = std::is_integral_v<T> && !std::is_same_v<T, bool> && sizeof(T) >= 4 &&
                 !std::is_same_v<T, uint64_t>;

// ---------------------------------------------------------------------------------------

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  template <class T>
  void operator()(const char* /*name*/, const T& value) {
    put(value);
  }

  template <Varint T>
  void put(T value) {
    if constexpr (std::is_signed_v<T>) {
      const auto wide = static_cast<int64_t>(value);
      put_varint((static_cast<uint64_t>(wide) << 1) ^ static_cast<uint64_t>(wide >> 63));
    } else {
      put_varint(static_cast<uint32_t>(value + 1));
    }
  }
  void put(uint64_t id) {
    auto [it, first] = ids_.try_emplace(id, static_cast<uint32_t>(ids_.size()));
    if (!first) return put_varint(uint64_t{it->second} + 1);
    put_varint(0);
    put_bytes(&id, 8);
  }
  template <Scalar T>
  requires(!Varint<T>) void put(T value) { put_bytes(&value, sizeof(T)); }
  void put(bool value) { out_.push_back(value ? '\1' : '\0'); }
  void put(const std::string& s) {
    const size_t known = strings_.size();
    const uint32_t id = strings_.intern(s);
    if (id < known) return put_varint(uint64_t{id} + 1);
    put_varint(0);
    put_varint(s.size());
    out_ += s;
  }
  template <class T>
  void put(const std::optional<T>& value) {
    put(value.has_value());
    if (value) put(*value);
  }
  template <class T>
  void put(const std::vector<T>& items) {
    put_varint(items.size());
    for (const T& item : items) put(item);
  }
  template <class T>
  requires(!Scalar<T>) void put(const T& record) { fields(*this, record); }

 private:
  void put_bytes(const void* bytes, size_t n) { out_.append(static_cast<const char*>(bytes), n); }
  void put_varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }

  std::string& out_;
  NodeMap<uint32_t> ids_;
  ViewInterner strings_;  ///< views of the strings being encoded, which outlive the writer
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

  /// The rows' column lists hand out const references; the objects behind them are the
  /// reader's own (not const), so writing through them is allowed.
  template <class T>
  void operator()(const char* /*name*/, const T& value) {
    get(const_cast<T&>(value));
  }

  template <Varint T>
  void get(T& value) {
    const uint64_t v = varint();
    if constexpr (std::is_signed_v<T>)
      value = static_cast<T>(static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1)));
    else
      value = static_cast<T>(static_cast<uint32_t>(v) - 1);
  }
  void get(uint64_t& id) {
    const uint64_t seen = varint();
    if (seen > 0) {
      if (seen > ids_.size()) ok_ = false;
      if (ok_) id = ids_[seen - 1];
      return;
    }
    if (!take(8)) return;
    std::memcpy(&id, in_.data() + pos_ - 8, 8);
    ids_.push_back(id);
  }
  template <Scalar T>
  requires(!Varint<T>) void get(T& value) {
    if (!take(sizeof(T))) return;
    std::memcpy(&value, in_.data() + pos_ - sizeof(T), sizeof(T));
  }
  void get(bool& value) {
    if (!take(1)) return;
    value = in_[pos_ - 1] != '\0';
  }
  void get(std::string& s) {
    const uint64_t seen = varint();
    if (seen > 0) {
      if (seen > strings_.size()) ok_ = false;
      if (ok_) s = strings_[seen - 1];
      return;
    }
    const uint64_t n = varint();
    if (!take(n)) return;
    s.assign(in_.data() + pos_ - n, n);
    strings_.emplace_back(in_.data() + pos_ - n, n);
  }
  template <class T>
  void get(std::optional<T>& value) {
    bool present = false;
    get(present);
    if (!ok_) return;
    if (!present) {
      value.reset();
      return;
    }
    get(value.emplace());
  }
  template <class T>
  void get(std::vector<T>& items) {
    const uint64_t n = varint();
    // Every item takes at least one byte: a larger count is a damaged encoding, caught
    // before it allocates.
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return;
    }
    items.clear();
    items.resize(n);
    for (T& item : items) {
      get(item);
      if (!ok_) return;
    }
  }
  template <class T>
  requires(!Scalar<T>) void get(T& record) { fields(*this, record); }

 private:
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!take(1)) return 0;
      const auto byte = static_cast<uint8_t>(in_[pos_ - 1]);
      v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (byte < 0x80) return v;
    }
    ok_ = false;
    return 0;
  }

  /// Consumes `n` bytes; false (and the reader failed) when fewer are left.
  bool take(uint64_t n) {
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return false;
    }
    pos_ += n;
    return true;
  }

  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
  std::vector<uint64_t> ids_;
  std::vector<std::string_view> strings_;
};

}  // namespace

void encode_file_facts(const RepoFileRow& file, const FileFacts& facts, std::string& out) {
  Writer writer(out);
  writer.put(file);
  writer.put(facts);
}

bool decode_file_facts(std::string_view bytes, RepoFileRow& file, FileFacts& facts) {
  Reader reader(bytes);
  reader.get(file);
  reader.get(facts);
  return reader.ok() && reader.at_end();
}

}  // namespace ca
