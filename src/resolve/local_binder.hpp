// Per-file name binding under Python's scoping rules: which scope owns each binding and
// which bindings each name occurrence may read, within one file.
#pragma once

#include "extract/facts.hpp"
#include "extract/ts/python_extractor.hpp"

namespace ca {

/// Fills facts.bindings and facts.name_refs from the syntax facts already in `facts`
/// (scopes, defs, params, imports, names, scope_decls). Rules: LEGB; class bodies do not
/// enclose the functions inside them; comprehensions are scopes whose first iterable is
/// evaluated outside (the extractor assigns it to the enclosing scope); `global` and
/// `nonlocal` redirect bindings; walrus targets in comprehensions bind in the nearest
/// enclosing non-comprehension scope; `del x` makes x local. A read of a name its own
/// function, class body or module binds (no global/nonlocal) gets only the binding sites
/// that may reach it in the control flow (facts.flow_blocks; see resolve/flow_reach.hpp),
/// or all of them when none does; reads from nested scopes get every site. Without flow
/// blocks every read gets every site. Never throws for bad input.
void bind_file_names(const FileContext& context, FileFacts& facts);

}  // namespace ca
