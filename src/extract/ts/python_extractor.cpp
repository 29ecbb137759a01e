// PythonSyntaxExtractor: parses a file with tree-sitter-python under an optional time
// budget, reports syntax errors, hands the tree to the FactWalker (ts_* rows) and then to
// the IrBuilder (the program IR).
#include "extract/ts/python_extractor.hpp"

#include <tree_sitter/api.h>

#include <chrono>
#include <limits>
#include <stdexcept>
#include <string>

#include "extract/ts/fact_walker.hpp"
#include "extract/ts/ir_builder.hpp"
#include "extract/ts/ir_node_table.hpp"
#include "extract/ts/node_class.hpp"
#include "extract/ts/syntax_errors.hpp"
#include "extract/ts/ts_symbols.hpp"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace ca {
namespace {

using Clock = std::chrono::steady_clock;

/// The text handed to tree-sitter's read callback: all of it at once.
struct StringInput {
  const char* data;
  uint32_t size;
};

const char* read_string(void* payload, uint32_t byte_index, TSPoint, uint32_t* bytes_read) {
  auto* input = static_cast<StringInput*>(payload);
  if (byte_index >= input->size) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = input->size - byte_index;
  return input->data + byte_index;
}

/// Stops the parse once the deadline has passed.
bool past_deadline(TSParseState* state) {
  const auto* deadline = static_cast<const Clock::time_point*>(state->payload);
  return Clock::now() >= *deadline;
}

/// Owns a TSTree.
struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

}  // namespace

struct PythonSyntaxExtractor::Impl {
  explicit Impl(ExtractOptions opts)
      : options(opts),
        language(tree_sitter_python()),
        symbols(language),
        classes(language, symbols),
        walker(symbols, classes),
        ir_table(language),
        ir_builder(ir_table),
        parser(ts_parser_new()) {
    if (parser == nullptr || !ts_parser_set_language(parser, language)) {
      if (parser != nullptr) ts_parser_delete(parser);
      throw std::runtime_error(
          "tree-sitter rejected the tree-sitter-python grammar (ABI mismatch between the "
          "runtime and the grammar); rebuild with the pinned versions from scripts/setup.sh");
    }
  }
  ~Impl() { ts_parser_delete(parser); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  /// Parses `text` within the budget; null on time-out.
  TreePtr parse(const std::string& text) {
    if (options.parse_timeout_ms <= 0)
      return TreePtr(
          ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size())));
    Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(options.parse_timeout_ms);
    StringInput input{text.data(), static_cast<uint32_t>(text.size())};
    TSInput ts_input{&input, read_string, TSInputEncodingUTF8, nullptr};
    TSParseOptions parse_options{&deadline, past_deadline};
    TSTree* tree = ts_parser_parse_with_options(parser, nullptr, ts_input, parse_options);
    if (tree == nullptr) ts_parser_reset(parser);  // forget the halted parse
    return TreePtr(tree);
  }

  ExtractOptions options;
  const TSLanguage* language;
  ts::PySymbols symbols;
  ts::NodeClassTable classes;
  ts::FactWalker walker;
  ts::IrNodeTable ir_table;
  ts::IrBuilder ir_builder;
  TSParser* parser;
};

PythonSyntaxExtractor::PythonSyntaxExtractor(ExtractOptions options)
    : impl_(std::make_unique<Impl>(options)) {}

PythonSyntaxExtractor::~PythonSyntaxExtractor() = default;

ExtractOutcome PythonSyntaxExtractor::extract(const SourceText& text, const FileContext& context,
                                              FileFacts& facts) {
  ExtractOutcome outcome;
  if (text.utf8.size() >= std::numeric_limits<uint32_t>::max()) {
    facts.diagnostics.push_back(ts::make_ts_diagnostic(
        context, "too_large",
        "file is too large for tree-sitter (" + std::to_string(text.utf8.size()) +
            " bytes, the limit is 4 GiB); it has no syntax facts",
        nullptr));
    return outcome;
  }
  TreePtr tree = impl_->parse(text.utf8);
  if (!tree) {
    outcome.timed_out = true;
    facts.diagnostics.push_back(ts::make_ts_diagnostic(
        context, "parse_timeout",
        "tree-sitter did not finish parsing within " +
            std::to_string(impl_->options.parse_timeout_ms) +
            " ms; the file has no syntax facts (raise the limit with --parse-timeout-ms, "
            "0 = no limit)",
        nullptr));
    return outcome;
  }
  LineIndex lines(text.utf8);
  TSNode root = ts_tree_root_node(tree.get());
  if (ts::report_syntax_errors(root, text, lines, context, facts.diagnostics) > 0)
    outcome.has_syntax_errors = true;
  impl_->walker.walk(root, text, lines, context, facts);
  impl_->ir_builder.build(root, text, context, facts.ir);
  if (impl_->walker.python2_statements() > 0) outcome.has_syntax_errors = true;
  return outcome;
}

bool PythonSyntaxExtractor::parse_only(const SourceText& text) {
  if (text.utf8.size() >= std::numeric_limits<uint32_t>::max()) return false;
  return impl_->parse(text.utf8) != nullptr;
}

}  // namespace ca
