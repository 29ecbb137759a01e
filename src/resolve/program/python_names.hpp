// Fixed facts about Python 3.11 that the resolver needs without looking at the machine:
// which names the `builtins` module defines and which top-level modules are standard.
#pragma once

#include <string_view>

namespace ca::program {

/// True when `name` is defined by Python 3.11's `builtins` module (len, print, Exception...).
bool is_builtin_name(std::string_view name);

/// True when `top_level` (first dotted component) names a Python 3.11 standard-library
/// module (sys.stdlib_module_names).
bool is_stdlib_module(std::string_view top_level);

}  // namespace ca::program
