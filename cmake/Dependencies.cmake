# Imports the third-party pieces: the npm-packed sources/binaries that scripts/setup.sh
# unpacked under CA_DEPS_DIR (versions pinned in deps/versions.env) and Debian's packages.

file(STRINGS "${CMAKE_SOURCE_DIR}/deps/versions.env" _ca_versions REGEX "^[A-Z_]+=")
foreach(_line IN LISTS _ca_versions)
  string(REGEX MATCH "^([A-Z_]+)=(.*)$" _ "${_line}")
  set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
endforeach()

function(ca_require_fetched dir spec)
  set(_stamp "${CA_DEPS_DIR}/${dir}/.fetched")
  if(NOT EXISTS "${_stamp}")
    message(FATAL_ERROR "${spec} is missing from ${CA_DEPS_DIR}/${dir}: run scripts/setup.sh first")
  endif()
  file(READ "${_stamp}" _have)
  string(STRIP "${_have}" _have)
  if(NOT _have STREQUAL spec)
    message(FATAL_ERROR "${CA_DEPS_DIR}/${dir} holds ${_have}, deps/versions.env wants ${spec}: run scripts/setup.sh")
  endif()
endfunction()

ca_require_fetched(tree-sitter "tree-sitter@${TREE_SITTER_VERSION}")
ca_require_fetched(tree-sitter-python "tree-sitter-python@${TREE_SITTER_PYTHON_VERSION}")
ca_require_fetched(duckdb "duckdb@${DUCKDB_VERSION}")
ca_require_fetched(duckdb-lib "@duckdb/node-bindings-linux-x64@${DUCKDB_BINARY_PACKAGE_VERSION}")

# tree-sitter runtime: one translation unit.
set(_ts "${CA_DEPS_DIR}/tree-sitter/vendor/tree-sitter/lib")
add_library(ts_runtime STATIC "${_ts}/src/lib.c")
target_include_directories(ts_runtime SYSTEM PUBLIC "${_ts}/include" PRIVATE "${_ts}/src")
target_compile_definitions(ts_runtime PRIVATE _DEFAULT_SOURCE)
# Optimized in every configuration (as the grammar below): a -O0 runtime makes Debug and
# sanitizer builds parse several times slower, past the default parse time budget.
target_compile_options(ts_runtime PRIVATE -w -O2)
set_target_properties(ts_runtime PROPERTIES POSITION_INDEPENDENT_CODE ON)

# tree-sitter-python grammar.
set(_tsp "${CA_DEPS_DIR}/tree-sitter-python/src")
add_library(ts_python STATIC "${_tsp}/parser.c" "${_tsp}/scanner.c")
target_include_directories(ts_python PRIVATE "${_tsp}")
target_compile_options(ts_python PRIVATE -w -O2)
target_link_libraries(ts_python PUBLIC ts_runtime)
set_target_properties(ts_python PROPERTIES POSITION_INDEPENDENT_CODE ON)

# DuckDB: the released shared library and the C API header of the same version.
add_library(duckdb SHARED IMPORTED GLOBAL)
set_target_properties(duckdb PROPERTIES
  IMPORTED_LOCATION "${CA_DEPS_DIR}/duckdb-lib/libduckdb.so"
  IMPORTED_NO_SONAME ON)
target_include_directories(duckdb SYSTEM INTERFACE "${CA_DEPS_DIR}/duckdb/src/duckdb/src/include")
set(CMAKE_BUILD_RPATH "${CA_DEPS_DIR}/duckdb-lib")
set(CMAKE_INSTALL_RPATH "${CA_DEPS_DIR}/duckdb-lib")

find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
