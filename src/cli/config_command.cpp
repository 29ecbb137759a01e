// `codeanatomy config show`: the effective configuration of a repository and where each
// value came from (default, a file and line, an environment variable, an option).
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/config_options.hpp"

namespace ca::cli {
namespace {

struct ConfigShowCommand {
  std::string repo = ".";
  ConfigOptions config;
  bool json = false;
};

/// A TOML basic string.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          out += fmt::format("\\u{:04X}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  return out + "\"";
}

/// Values as they would be written in codeanatomy.toml, and as JSON.
std::string toml_text(const std::vector<std::string>& list, bool directories) {
  std::string out = "[";
  for (const std::string& item : list)
    out += (out.size() > 1 ? ", " : "") + toml_string(directories && item.empty() ? "." : item);
  return out + "]";
}
std::string toml_text(int64_t n) {
  return std::to_string(n);
}
std::string toml_text(const std::filesystem::path& p) {
  return toml_string(p.string());
}

nlohmann::ordered_json json_value(const std::vector<std::string>& list, bool directories) {
  auto out = nlohmann::ordered_json::array();
  for (const std::string& item : list) out.push_back(directories && item.empty() ? "." : item);
  return out;
}
nlohmann::ordered_json json_value(int64_t n) {
  return n;
}
nlohmann::ordered_json json_value(const std::filesystem::path& p) {
  return p.string();
}

template <class T>
auto formatted(const ConfigKey& key, const T& value) {
  if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    bool directories = key.key == "source_roots";
    return std::pair(toml_text(value, directories), json_value(value, directories));
  } else if constexpr (std::is_same_v<T, bool>) {
    return std::pair(std::string(value ? "true" : "false"), nlohmann::ordered_json(value));
  } else if constexpr (std::is_integral_v<T>) {
    return std::pair(toml_text(static_cast<int64_t>(value)),
                     json_value(static_cast<int64_t>(value)));
  } else {
    return std::pair(toml_text(value), json_value(value));
  }
}

std::string origin_text(ConfigSource source, const std::string& origin) {
  std::string name(config_source_name(source));
  return origin.empty() ? name : name + " " + origin;
}

int run_show(const ConfigShowCommand& command) {
  ResolvedConfig config;
  try {
    config = resolve_logged(command.repo, command.config);
  } catch (const ConfigError& e) {
    spdlog::error("{}", e.what());
    return kExitUsage;
  }
  if (command.json) {
    nlohmann::ordered_json j;
    j["repository"] = config.repo.string();
    j["config_file"] = config.file ? nlohmann::ordered_json(config.file->string()) : nullptr;
    j["settings"] = nlohmann::ordered_json::object();
    for_each_setting(config, [&](const ConfigKey& key, const auto& setting) {
      auto [text, value] = formatted(key, setting.value);
      j["settings"][std::string(key.key)] = {{"value", value},
                                             {"source", config_source_name(setting.source)},
                                             {"origin", setting.origin}};
    });
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << fmt::format("# repository: {}\n", config.repo.string());
  std::cout << (config.file ? fmt::format("# config file: {}\n", config.file->string())
                            : "# config file: none (no codeanatomy.toml, no [tool.codeanatomy] "
                              "in pyproject.toml)\n");
  std::vector<std::pair<std::string, std::string>> lines;
  size_t width = 0;
  for_each_setting(config, [&](const ConfigKey& key, const auto& setting) {
    auto [text, value] = formatted(key, setting.value);
    std::string assignment = fmt::format("{} = {}", key.key, text);
    width = std::max(width, assignment.size());
    lines.emplace_back(std::move(assignment), origin_text(setting.source, setting.origin));
  });
  width = std::min<size_t>(width, 48);
  for (const auto& [assignment, origin] : lines)
    std::cout << fmt::format("{:<{}}  # {}\n", assignment, width, origin);
  return kExitOk;
}

}  // namespace

RegisteredCommand add_config_command(CLI::App& app, GlobalOptions& global) {
  auto show = std::make_shared<ConfigShowCommand>();
  CLI::App* cmd = app.add_subcommand("config", "Inspect the configuration of a repository");
  cmd->require_subcommand(1);
  add_verbosity_flags(*cmd, global);
  CLI::App* show_cmd = cmd->add_subcommand(
      "show",
      "Print the effective configuration of REPO (as codeanatomy.toml lines) and where each "
      "value came from: default, file and line, environment variable or option");
  show_cmd->footer(kConfigHelpFooter);
  show_cmd->add_option("REPO", show->repo, "Repository whose configuration to show (default: .)");
  add_config_options(*show_cmd, show->config);
  show_cmd->add_flag("--json", show->json, "Print the configuration as JSON on stdout");
  add_verbosity_flags(*show_cmd, global);
  return {cmd, [show, show_cmd] {
            if (*show_cmd) return run_show(*show);
            return kExitUsage;
          }};
}

}  // namespace ca::cli
