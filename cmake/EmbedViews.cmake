# Writes OUT: a C++ source defining ca::embedded_views(), the name and SQL of every
# VIEWS_DIR/*.sql file, sorted by name. Run at build time by src/CMakeLists.txt.
file(GLOB _files "${VIEWS_DIR}/*.sql")
list(SORT _files)
set(_body "")
foreach(_f IN LISTS _files)
  get_filename_component(_name "${_f}" NAME_WE)
  file(READ "${_f}" _sql)
  string(APPEND _body "      {\"${_name}\", R\"ca_sql(${_sql})ca_sql\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from src/semantic/views/*.sql by cmake/EmbedViews.cmake. Do not edit.
#include \"semantic/view_registry.hpp\"

namespace ca {

const std::vector<ViewSource>& embedded_views() {
  static const std::vector<ViewSource> views{
${_body}  };
  return views;
}

}  // namespace ca
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
