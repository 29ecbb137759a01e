// Configuration resolution: defaults, the configuration file, the environment and the
// command line, each value validated where it is read so that errors name their origin.
#include "config/config.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "extract/layers.hpp"
#include "scan/gitignore.hpp"
#include "scan/module_names.hpp"

namespace ca {
namespace {

namespace fs = std::filesystem;

enum class KeyKind { List, Integer, Path, Boolean };

KeyKind kind_of(std::string_view key) {
  if (key == "jobs" || key == "max_file_size" || key == "parse_timeout_ms") return KeyKind::Integer;
  if (key == "output") return KeyKind::Path;
  if (key == "keep_evidence") return KeyKind::Boolean;
  return KeyKind::List;
}

/// Where a value comes from, for ConfigValue and for error messages.
struct Origin {
  ConfigSource source;
  std::string origin;  ///< as in ConfigValue::origin
  std::string where;   ///< the start of an error message: "PATH:LINE: key 'jobs'"
};

Origin from_environment(const ConfigKey& key) {
  return {ConfigSource::Environment, std::string(key.env),
          fmt::format("environment variable {}", key.env)};
}

Origin from_command_line(const ConfigKey& key) {
  return {ConfigSource::CommandLine, std::string(key.option), fmt::format("option {}", key.option)};
}

[[noreturn]] void fail(const Origin& origin, const std::string& problem) {
  throw ConfigError(fmt::format("{}: {}", origin.where, problem));
}

template <class T>
void assign(ConfigValue<T>& slot, T value, const Origin& origin) {
  slot.value = std::move(value);
  slot.source = origin.source;
  slot.origin = origin.origin;
}

void set_list(ResolvedConfig& config, std::string_view key, std::vector<std::string> values,
              const Origin& origin) {
  if (key == "layers") {
    if (auto error = layers_error(values)) fail(origin, *error);
    assign(config.layers, std::move(values), origin);
    return;
  }
  if (key == "include" || key == "exclude") {
    for (const std::string& pattern : values) {
      if (pattern.find_first_of("\r\n") != std::string::npos)
        fail(origin, fmt::format("pattern '{}' spans lines: give one pattern per entry", pattern));
      if (!parse_ignore_line(pattern))
        fail(origin,
             fmt::format("pattern '{}' matches nothing (it is blank or a '#' comment)", pattern));
    }
    assign(key == "include" ? config.include : config.exclude, std::move(values), origin);
    return;
  }
  // source_roots
  std::vector<std::string> normalized;
  for (const std::string& dir : values) {
    std::optional<std::string> normal = normalize_relative_dir(dir);
    if (!normal)
      fail(origin, fmt::format("source root '{}' must be a directory inside the repository, "
                               "given relative to its root",
                               dir));
    if (std::find(normalized.begin(), normalized.end(), *normal) == normalized.end())
      normalized.push_back(std::move(*normal));
  }
  assign(config.source_roots, std::move(normalized), origin);
}

void set_integer(ResolvedConfig& config, std::string_view key, int64_t value,
                 const Origin& origin) {
  if (key == "jobs") {
    if (value < 0 || value > 65536)
      fail(origin, fmt::format("must be between 0 (all cores) and 65536, got {}", value));
    assign(config.jobs, static_cast<int>(value), origin);
  } else if (key == "max_file_size") {
    if (value <= 0) fail(origin, fmt::format("must be a positive number of bytes, got {}", value));
    assign(config.max_file_size, value, origin);
  } else {
    if (value < 0)
      fail(origin,
           fmt::format("must be 0 (no limit) or a positive number of milliseconds, got {}", value));
    assign(config.parse_timeout_ms, value, origin);
  }
}

void set_boolean(ResolvedConfig& config, std::string_view /*key*/, bool value,
                 const Origin& origin) {
  assign(config.keep_evidence, value, origin);  // the one boolean key
}

void set_output(ResolvedConfig& config, fs::path value, const Origin& origin) {
  if (value.empty()) fail(origin, "must not be empty");
  assign(config.output, std::move(value), origin);
}

/// Levenshtein distance, for "did you mean" on unknown keys.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string known_keys() {
  std::string out;
  for (const ConfigKey& key : kConfigKeys) out += (out.empty() ? "" : ", ") + std::string(key.key);
  return out;
}

std::string unknown_key_message(std::string_view shown, std::string_view key) {
  std::string hint;
  size_t best = 3;
  for (const ConfigKey& known : kConfigKeys) {
    size_t d = edit_distance(key, known.key);
    if (d < best) {
      best = d;
      hint = fmt::format(" (did you mean '{}'?)", known.key);
    }
  }
  return fmt::format("unknown key '{}'{}; known keys: {}", shown, hint, known_keys());
}

std::string_view toml_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    default:
      return "nothing";
  }
}

int64_t line_of(const toml::source_region& region, int64_t fallback = 0) {
  return region.begin.line > 0 ? static_cast<int64_t>(region.begin.line) : fallback;
}

void apply_toml_value(ResolvedConfig& config, const ConfigKey& key, const toml::node& node,
                      const Origin& origin, const fs::path& path) {
  switch (kind_of(key.key)) {
    case KeyKind::List: {
      const toml::array* array = node.as_array();
      if (!array)
        fail(origin, fmt::format("expected a list of strings, got {}", toml_type_name(node)));
      std::vector<std::string> values;
      for (const toml::node& element : *array) {
        const auto* text = element.as_string();
        if (!text)
          throw ConfigError(fmt::format(
              "{}:{}: key '{}': expected a list of strings, but an element is {}", path.string(),
              line_of(element.source(), line_of(node.source())), key.key, toml_type_name(element)));
        values.push_back(text->get());
      }
      set_list(config, key.key, std::move(values), origin);
      break;
    }
    case KeyKind::Integer: {
      const auto* number = node.as_integer();
      if (!number) fail(origin, fmt::format("expected an integer, got {}", toml_type_name(node)));
      set_integer(config, key.key, number->get(), origin);
      break;
    }
    case KeyKind::Path: {
      const auto* text = node.as_string();
      if (!text) fail(origin, fmt::format("expected a string, got {}", toml_type_name(node)));
      fs::path value(text->get());
      // A relative output directory in a file is relative to the repository root.
      if (!value.empty() && value.is_relative()) value = config.repo / value;
      set_output(config, std::move(value), origin);
      break;
    }
    case KeyKind::Boolean: {
      const auto* flag = node.as_boolean();
      if (!flag) fail(origin, fmt::format("expected true or false, got {}", toml_type_name(node)));
      set_boolean(config, key.key, flag->get(), origin);
      break;
    }
  }
}

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

std::string trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (true) {
    size_t comma = text.find(',');
    std::string item = trim(text.substr(0, comma));
    if (!item.empty()) items.push_back(std::move(item));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

void apply_environment(ResolvedConfig& config, const Environment& env) {
  for (const ConfigKey& key : kConfigKeys) {
    std::optional<std::string> value = env(std::string(key.env));
    if (!value || value->empty()) continue;
    Origin origin = from_environment(key);
    switch (kind_of(key.key)) {
      case KeyKind::List:
        set_list(config, key.key, split_list(*value), origin);
        break;
      case KeyKind::Integer: {
        std::string text = trim(*value);
        int64_t number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec != std::errc() || end != text.data() + text.size() || text.empty())
          fail(origin, fmt::format("expected an integer, got '{}'", *value));
        set_integer(config, key.key, number, origin);
        break;
      }
      case KeyKind::Path:
        set_output(config, fs::path(*value), origin);
        break;
      case KeyKind::Boolean: {
        const std::string text = trim(*value);
        if (text == "true" || text == "1")
          set_boolean(config, key.key, true, origin);
        else if (text == "false" || text == "0")
          set_boolean(config, key.key, false, origin);
        else
          fail(origin, fmt::format("expected true, false, 1 or 0, got '{}'", *value));
        break;
      }
    }
  }
}

void apply_command_line(ResolvedConfig& config, const ConfigOverrides& cli) {
  auto list = [&](std::string_view name, const std::optional<std::vector<std::string>>& v) {
    if (v) set_list(config, name, *v, from_command_line(config_key(name)));
  };
  auto integer = [&](std::string_view name, std::optional<int64_t> v) {
    if (v) set_integer(config, name, *v, from_command_line(config_key(name)));
  };
  list("layers", cli.layers);
  list("include", cli.include);
  list("exclude", cli.exclude);
  list("source_roots", cli.source_roots);
  integer("jobs", cli.jobs);
  if (cli.output) set_output(config, *cli.output, from_command_line(config_key("output")));
  integer("max_file_size", cli.max_file_size);
  integer("parse_timeout_ms", cli.parse_timeout_ms);
  if (cli.keep_evidence)
    set_boolean(config, "keep_evidence", *cli.keep_evidence,
                from_command_line(config_key("keep_evidence")));
}

/// The error-message prefix of a resolved value.
std::string where_of(const ConfigKey& key, const ConfigValue<std::vector<std::string>>& value) {
  switch (value.source) {
    case ConfigSource::File:
      return fmt::format("{}: key '{}'", value.origin, key.key);
    case ConfigSource::Environment:
      return fmt::format("environment variable {}", key.env);
    case ConfigSource::CommandLine:
      return fmt::format("option {}", key.option);
    case ConfigSource::Default:
      break;
  }
  return fmt::format("key '{}'", key.key);
}

void check_source_roots_exist(const ResolvedConfig& config) {
  std::error_code ec;
  if (!fs::is_directory(config.repo, ec)) return;  // the build reports the missing repository
  for (const std::string& dir : config.source_roots.value) {
    if (!fs::is_directory(config.repo / dir, ec))
      throw ConfigError(fmt::format("{}: source root '{}' is not a directory of {}",
                                    where_of(config_key("source_roots"), config.source_roots),
                                    dir.empty() ? "." : dir, config.repo.string()));
  }
}

}  // namespace

std::string_view config_source_name(ConfigSource source) {
  switch (source) {
    case ConfigSource::Default:
      return "default";
    case ConfigSource::File:
      return "file";
    case ConfigSource::Environment:
      return "environment";
    case ConfigSource::CommandLine:
      return "command line";
  }
  return "default";
}

const ConfigKey& config_key(std::string_view key) {
  for (const ConfigKey& k : kConfigKeys)
    if (k.key == key) return k;
  throw std::out_of_range(fmt::format("no configuration key '{}'", key));
}

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

bool apply_config_text(ResolvedConfig& config, std::string_view text, const fs::path& path,
                       std::string_view table) {
  toml::table root;
  try {
    root = toml::parse(text, path.string());
  } catch (const toml::parse_error& e) {
    throw ConfigError(fmt::format("{}:{}: invalid TOML: {}", path.string(), line_of(e.source(), 1),
                                  e.description()));
  }
  const toml::table* settings = &root;
  std::string prefix;
  if (!table.empty()) {
    const toml::node* node = &root;
    std::string_view rest = table;
    while (!rest.empty()) {
      size_t dot = rest.find('.');
      std::string_view part = rest.substr(0, dot);
      rest.remove_prefix(dot == std::string_view::npos ? rest.size() : dot + 1);
      const toml::table* parent = node->as_table();
      node = parent ? parent->get(part) : nullptr;
      if (!node) return false;
    }
    settings = node->as_table();
    if (!settings)
      throw ConfigError(fmt::format("{}:{}: key '{}' must be a table ([{}]), got {}", path.string(),
                                    line_of(node->source(), 1), table, table,
                                    toml_type_name(*node)));
    prefix = std::string(table) + ".";
  }
  for (auto&& [name, node] : *settings) {
    int64_t line = line_of(name.source(), line_of(node.source(), 1));
    const ConfigKey* key = nullptr;
    for (const ConfigKey& known : kConfigKeys)
      if (known.key == name.str()) key = &known;
    if (!key)
      throw ConfigError(
          fmt::format("{}:{}: {}", path.string(), line,
                      unknown_key_message(prefix + std::string(name.str()), name.str())));
    std::string at = fmt::format("{}:{}", path.string(), line);
    Origin origin{ConfigSource::File, at, fmt::format("{}: key '{}{}'", at, prefix, key->key)};
    apply_toml_value(config, *key, node, origin, path);
  }
  return true;
}

ResolvedConfig resolve_config(const fs::path& repo, const ConfigOverrides& command_line,
                              const Environment& env) {
  ResolvedConfig config;
  config.repo = repo;
  config.output.value = repo / ".codeanatomy";
  std::error_code ec;
  const fs::path own = repo / "codeanatomy.toml";
  const fs::path pyproject = repo / "pyproject.toml";
  const bool has_own = fs::exists(own, ec);
  const bool has_pyproject = fs::is_regular_file(pyproject, ec);
  if (has_own) {
    if (!fs::is_regular_file(own, ec))
      throw ConfigError(
          fmt::format("{}: not a regular file; make it a TOML file or remove it", own.string()));
    std::optional<std::string> text = read_text(own);
    if (!text)
      throw ConfigError(
          fmt::format("{}: cannot read the file; check its permissions", own.string()));
    apply_config_text(config, *text, own, "");
    config.file = own;
    config.notes.push_back(fmt::format("configuration read from {}", own.string()));
    if (has_pyproject) {
      // Only to tell the user: a [tool.codeanatomy] table there is not used.
      std::optional<std::string> py_text = read_text(pyproject);
      try {
        toml::table parsed = toml::parse(py_text ? *py_text : std::string());
        if (parsed.at_path("tool.codeanatomy"))
          config.notes.push_back(
              fmt::format("{} wins over [tool.codeanatomy] in {}, which is ignored",
                          own.filename().string(), pyproject.string()));
      } catch (const toml::parse_error& e) {
        config.notes.push_back(fmt::format("{} is not valid TOML ({}); not read, {} is used",
                                           pyproject.string(), e.description(),
                                           own.filename().string()));
      }
    }
  } else if (has_pyproject) {
    std::optional<std::string> text = read_text(pyproject);
    try {
      if (!text)
        throw ConfigError(
            fmt::format("{}: cannot read the file; check its permissions", pyproject.string()));
      if (apply_config_text(config, *text, pyproject, "tool.codeanatomy")) {
        config.file = pyproject;
        config.notes.push_back(
            fmt::format("configuration read from [tool.codeanatomy] in {}", pyproject.string()));
      }
    } catch (const ConfigError& e) {
      if (text && text->find("codeanatomy") != std::string::npos) throw;
      config.warnings.push_back(
          fmt::format("{}; it holds no codeanatomy settings, so it is ignored", e.what()));
    }
  }
  apply_environment(config, env);
  apply_command_line(config, command_line);
  check_source_roots_exist(config);
  return config;
}

}  // namespace ca
