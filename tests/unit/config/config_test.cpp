// Configuration resolution: the file formats (codeanatomy.toml, [tool.codeanatomy] in
// pyproject.toml), the environment, command-line overrides, their precedence, and the
// errors that name the file, line and key.
#include "config/config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "support/test_support.hpp"

namespace ca {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

using Vars = std::map<std::string, std::string>;

Environment fake_env(Vars vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

ResolvedConfig resolve(const TempDir& d, Vars vars = {}, const ConfigOverrides& cli = {}) {
  return resolve_config(d.path(), cli, fake_env(std::move(vars)));
}

/// The message of the ConfigError that resolving throws ("" when none is thrown).
std::string error_of(const TempDir& d, Vars vars = {}, const ConfigOverrides& cli = {}) {
  try {
    resolve(d, std::move(vars), cli);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(Config, DefaultsWithoutAnyFile) {
  TempDir d;
  ResolvedConfig c = resolve(d);
  EXPECT_FALSE(c.file);
  EXPECT_THAT(c.layers.value, ElementsAre("ts"));
  EXPECT_EQ(c.layers.source, ConfigSource::Default);
  EXPECT_THAT(c.include.value, IsEmpty());
  EXPECT_THAT(c.source_roots.value, IsEmpty());
  EXPECT_EQ(c.jobs.value, 0);
  EXPECT_EQ(c.output.value, d.path() / ".codeanatomy");
  EXPECT_EQ(c.max_file_size.value, 10 * 1024 * 1024);
  EXPECT_EQ(c.parse_timeout_ms.value, 10000);
  EXPECT_EQ(c.parse_timeout_ms.source, ConfigSource::Default);
  EXPECT_EQ(c.parse_timeout_ms.origin, "");
}

TEST(Config, ReadsEveryKeyOfCodeanatomyToml) {
  TempDir d;
  d.write("lib/.keep", "");
  fs::path file = d.write("codeanatomy.toml",
                          "# settings\n"
                          "layers = [\"ts\"]\n"
                          "include = [\"pkg/\", \"*.pyi\"]\n"
                          "exclude = [\"tests/\"]\n"
                          "source_roots = [\"./lib/\", \".\"]\n"
                          "jobs = 3\n"
                          "output = \"out/graph\"\n"
                          "max_file_size = 1000\n"
                          "parse_timeout_ms = 0\n");
  ResolvedConfig c = resolve(d);
  ASSERT_TRUE(c.file);
  EXPECT_EQ(*c.file, file);
  EXPECT_THAT(c.include.value, ElementsAre("pkg/", "*.pyi"));
  EXPECT_EQ(c.include.source, ConfigSource::File);
  EXPECT_EQ(c.include.origin, file.string() + ":3");
  EXPECT_THAT(c.exclude.value, ElementsAre("tests/"));
  EXPECT_THAT(c.source_roots.value, ElementsAre("lib", ""));
  EXPECT_EQ(c.jobs.value, 3);
  EXPECT_EQ(c.jobs.origin, file.string() + ":6");
  EXPECT_EQ(c.output.value, d.path() / "out/graph");  // relative to the repository
  EXPECT_EQ(c.max_file_size.value, 1000);
  EXPECT_EQ(c.parse_timeout_ms.value, 0);
  EXPECT_EQ(c.parse_timeout_ms.source, ConfigSource::File);
  EXPECT_THAT(c.notes, ElementsAre(HasSubstr("codeanatomy.toml")));
}

TEST(Config, ReadsToolCodeanatomyOfPyproject) {
  TempDir d;
  fs::path file = d.write("pyproject.toml",
                          "[project]\nname = \"x\"\nunknown_to_us = 1\n\n"
                          "[tool.black]\nline-length = 88\n\n"
                          "[tool.codeanatomy]\njobs = 2\nexclude = [\"build/\"]\n");
  ResolvedConfig c = resolve(d);
  ASSERT_TRUE(c.file);
  EXPECT_EQ(*c.file, file);
  EXPECT_EQ(c.jobs.value, 2);
  EXPECT_EQ(c.jobs.origin, file.string() + ":9");
  EXPECT_THAT(c.exclude.value, ElementsAre("build/"));
}

TEST(Config, PyprojectWithoutOurTableIsNoConfiguration) {
  TempDir d;
  d.write("pyproject.toml", "[project]\nname = \"x\"\n[tool.ruff]\nline-length = 100\n");
  ResolvedConfig c = resolve(d);
  EXPECT_FALSE(c.file);
  EXPECT_EQ(c.jobs.source, ConfigSource::Default);
}

TEST(Config, CodeanatomyTomlWinsOverPyproject) {
  TempDir d;
  fs::path own = d.write("codeanatomy.toml", "jobs = 5\n");
  d.write("pyproject.toml", "[tool.codeanatomy]\njobs = 7\nmax_file_size = 99\n");
  ResolvedConfig c = resolve(d);
  ASSERT_TRUE(c.file);
  EXPECT_EQ(*c.file, own);
  EXPECT_EQ(c.jobs.value, 5);
  EXPECT_EQ(c.max_file_size.source, ConfigSource::Default);  // pyproject not read at all
  EXPECT_THAT(c.notes, testing::Contains(HasSubstr("wins over [tool.codeanatomy]")));
}

TEST(Config, EnvironmentOverridesFileAndCommandLineOverridesBoth) {
  TempDir d;
  d.write("src/.keep", "");
  d.write("lib/.keep", "");
  d.write("codeanatomy.toml",
          "jobs = 2\nexclude = [\"a/\"]\nsource_roots = [\"src\"]\nmax_file_size = 10\n");
  Vars env = {{"CODEANATOMY_JOBS", "3"},
              {"CODEANATOMY_EXCLUDE", " b/ , *_gen.py,, "},
              {"CODEANATOMY_SOURCE_ROOTS", "lib"}};
  ResolvedConfig c = resolve(d, env);
  EXPECT_EQ(c.jobs.value, 3);
  EXPECT_EQ(c.jobs.source, ConfigSource::Environment);
  EXPECT_EQ(c.jobs.origin, "CODEANATOMY_JOBS");
  EXPECT_THAT(c.exclude.value, ElementsAre("b/", "*_gen.py"));
  EXPECT_THAT(c.source_roots.value, ElementsAre("lib"));
  EXPECT_EQ(c.max_file_size.value, 10);  // untouched by the environment
  EXPECT_EQ(c.max_file_size.source, ConfigSource::File);

  ConfigOverrides cli;
  cli.jobs = 4;
  cli.exclude = std::vector<std::string>{"c/"};
  cli.output = fs::path("rel/out");
  c = resolve(d, env, cli);
  EXPECT_EQ(c.jobs.value, 4);
  EXPECT_EQ(c.jobs.source, ConfigSource::CommandLine);
  EXPECT_EQ(c.jobs.origin, "--jobs");
  EXPECT_THAT(c.exclude.value, ElementsAre("c/"));
  EXPECT_EQ(c.source_roots.source, ConfigSource::Environment);
  EXPECT_EQ(c.output.value, fs::path("rel/out"));  // as given: relative to the working dir
}

TEST(Config, EmptyVariableCountsAsUnset) {
  TempDir d;
  d.write("codeanatomy.toml", "jobs = 2\n");
  ResolvedConfig c = resolve(d, {{"CODEANATOMY_JOBS", ""}, {"CODEANATOMY_LAYERS", ""}});
  EXPECT_EQ(c.jobs.value, 2);
  EXPECT_EQ(c.jobs.source, ConfigSource::File);
  EXPECT_EQ(c.layers.source, ConfigSource::Default);
}

TEST(Config, EveryKeyHasItsVariable) {
  TempDir d;
  d.write("s/.keep", "");
  ResolvedConfig c = resolve(d, {{"CODEANATOMY_LAYERS", "ts"},
                                 {"CODEANATOMY_INCLUDE", "x/"},
                                 {"CODEANATOMY_EXCLUDE", "y/"},
                                 {"CODEANATOMY_SOURCE_ROOTS", "s"},
                                 {"CODEANATOMY_JOBS", "6"},
                                 {"CODEANATOMY_OUTPUT", "/tmp/o"},
                                 {"CODEANATOMY_MAX_FILE_SIZE", "77"},
                                 {"CODEANATOMY_PARSE_TIMEOUT_MS", "88"},
                                 {"CODEANATOMY_KEEP_EVIDENCE", "1"}});
  for_each_setting(c, [](const ConfigKey& key, const auto& value) {
    EXPECT_EQ(value.source, ConfigSource::Environment) << key.key;
    EXPECT_EQ(value.origin, key.env) << key.key;
  });
  EXPECT_EQ(c.output.value, fs::path("/tmp/o"));
  EXPECT_EQ(c.parse_timeout_ms.value, 88);
  EXPECT_TRUE(c.keep_evidence.value);
}

TEST(Config, KeepEvidenceFromEachSource) {
  TempDir d;
  EXPECT_FALSE(resolve(d).keep_evidence.value);
  fs::path file = d.write("codeanatomy.toml", "keep_evidence = true\n");
  ResolvedConfig c = resolve(d);
  EXPECT_TRUE(c.keep_evidence.value);
  EXPECT_EQ(c.keep_evidence.origin, file.string() + ":1");
  EXPECT_FALSE(resolve(d, {{"CODEANATOMY_KEEP_EVIDENCE", "false"}}).keep_evidence.value);
  ConfigOverrides cli;
  cli.keep_evidence = true;
  d.write("codeanatomy.toml", "keep_evidence = false\n");
  c = resolve(d, {{"CODEANATOMY_KEEP_EVIDENCE", "0"}}, cli);
  EXPECT_TRUE(c.keep_evidence.value);
  EXPECT_EQ(c.keep_evidence.source, ConfigSource::CommandLine);
}

TEST(ConfigErrors, TomlSyntaxErrorNamesFileAndLine) {
  TempDir d;
  fs::path file = d.write("codeanatomy.toml", "jobs = 2\n\nexclude = [\"a\"\n");
  std::string error = error_of(d);
  EXPECT_THAT(error, HasSubstr(file.string() + ":"));
  EXPECT_THAT(error, HasSubstr("invalid TOML"));
  EXPECT_THAT(error, testing::ContainsRegex(":[34]:"));  // the unclosed list, not line 1
}

TEST(ConfigErrors, UnknownKeyIsAnErrorWithASuggestion) {
  TempDir d;
  fs::path file = d.write("codeanatomy.toml", "jobs = 2\nexclud = [\"a\"]\n");
  std::string error = error_of(d);
  EXPECT_THAT(error, HasSubstr(file.string() + ":2:"));
  EXPECT_THAT(error, HasSubstr("unknown key 'exclud'"));
  EXPECT_THAT(error, HasSubstr("did you mean 'exclude'"));
}

TEST(ConfigErrors, UnknownKeyInPyprojectNamesTheFullKey) {
  TempDir d;
  d.write("pyproject.toml", "[tool.codeanatomy]\njobs = 1\nsourceroots = []\n");
  std::string error = error_of(d);
  EXPECT_THAT(error, HasSubstr("pyproject.toml:3:"));
  EXPECT_THAT(error, HasSubstr("'tool.codeanatomy.sourceroots'"));
}

TEST(ConfigErrors, WrongTypesNameKeyAndLine) {
  TempDir d;
  fs::path file = d.write("codeanatomy.toml", "\njobs = \"4\"\n");
  EXPECT_EQ(error_of(d), file.string() + ":2: key 'jobs': expected an integer, got a string");
  d.write("codeanatomy.toml", "include = \"pkg/\"\n");
  EXPECT_THAT(error_of(d),
              HasSubstr(":1: key 'include': expected a list of strings, got a string"));
  d.write("codeanatomy.toml", "exclude = [\n  \"a\",\n  3,\n]\n");
  EXPECT_THAT(error_of(d), HasSubstr(":3: key 'exclude': expected a list of strings"));
  d.write("codeanatomy.toml", "max_file_size = 1.5\n");
  EXPECT_THAT(error_of(d), HasSubstr("key 'max_file_size': expected an integer"));
  d.write("codeanatomy.toml", "[output]\ndir = \"x\"\n");
  EXPECT_THAT(error_of(d), HasSubstr("key 'output': expected a string, got a table"));
  d.write("codeanatomy.toml", "keep_evidence = \"yes\"\n");
  EXPECT_THAT(error_of(d),
              HasSubstr(":1: key 'keep_evidence': expected true or false, got a string"));
}

TEST(ConfigErrors, InvalidValues) {
  TempDir d;
  d.write("codeanatomy.toml", "jobs = -1\n");
  EXPECT_THAT(error_of(d), HasSubstr("key 'jobs': must be between 0"));
  d.write("codeanatomy.toml", "max_file_size = 0\n");
  EXPECT_THAT(error_of(d), HasSubstr("key 'max_file_size': must be a positive"));
  d.write("codeanatomy.toml", "exclude = [\"# comment\"]\n");
  EXPECT_THAT(error_of(d), HasSubstr("matches nothing"));
  d.write("codeanatomy.toml", "source_roots = [\"../up\"]\n");
  EXPECT_THAT(error_of(d), HasSubstr("must be a directory inside the repository"));
  d.write("codeanatomy.toml", "source_roots = [\"missing\"]\n");
  EXPECT_THAT(error_of(d), HasSubstr("codeanatomy.toml:1: key 'source_roots': source root "
                                     "'missing' is not a directory"));
}

TEST(ConfigErrors, LayersAreCheckedAgainstWhatIsImplemented) {
  TempDir d;
  fs::path file = d.write("codeanatomy.toml", "layers = [\"ts\", \"tree\"]\n");
  std::string error = error_of(d);
  EXPECT_THAT(error, HasSubstr(file.string() + ":1: key 'layers'"));
  EXPECT_THAT(error, HasSubstr("unknown layer 'tree'; available: ts, cpython, scip"));
  EXPECT_THAT(error, Not(HasSubstr("planned")));
  d.write("codeanatomy.toml", "layers = []\n");
  EXPECT_THAT(error_of(d), HasSubstr("must contain 'ts'"));
}

TEST(ConfigErrors, EnvironmentAndCommandLineErrorsNameTheirSource) {
  TempDir d;
  EXPECT_EQ(error_of(d, {{"CODEANATOMY_JOBS", "four"}}),
            "environment variable CODEANATOMY_JOBS: expected an integer, got 'four'");
  EXPECT_EQ(
      error_of(d, {{"CODEANATOMY_KEEP_EVIDENCE", "yes"}}),
      "environment variable CODEANATOMY_KEEP_EVIDENCE: expected true, false, 1 or 0, got 'yes'");
  EXPECT_THAT(error_of(d, {{"CODEANATOMY_LAYERS", "ts,jedi"}}),
              HasSubstr("environment variable CODEANATOMY_LAYERS: unknown layer 'jedi'"));
  ConfigOverrides cli;
  cli.source_roots = std::vector<std::string>{"nowhere"};
  EXPECT_THAT(error_of(d, {}, cli), HasSubstr("option --source-root: source root 'nowhere'"));
  // A bad value that a later source overrides is still an error where it is written.
  d.write("codeanatomy.toml", "jobs = \"x\"\n");
  cli = {};
  cli.jobs = 2;
  EXPECT_THAT(error_of(d, {}, cli), HasSubstr("key 'jobs'"));
}

TEST(ConfigErrors, BrokenPyproject) {
  TempDir d;
  // Not ours: a warning, the build goes on with the defaults.
  d.write("pyproject.toml", "[project\nname = 1\n");
  ResolvedConfig c = resolve(d);
  EXPECT_FALSE(c.file);
  EXPECT_THAT(c.warnings, ElementsAre(HasSubstr("pyproject.toml:1")));
  // Mentions codeanatomy: an error.
  d.write("pyproject.toml", "[tool.codeanatomy]\njobs = 1\njobs = 2\n");
  EXPECT_THAT(error_of(d), HasSubstr("pyproject.toml:3: invalid TOML"));
  d.write("pyproject.toml", "[tool]\ncodeanatomy = 3\n");
  EXPECT_THAT(error_of(d), HasSubstr("pyproject.toml:2: key 'tool.codeanatomy' must be a table"));
}

TEST(ConfigErrors, ConfigFileThatIsADirectory) {
  TempDir d;
  d.write("codeanatomy.toml/x", "");
  EXPECT_THAT(error_of(d), HasSubstr("not a regular file"));
}

}  // namespace
}  // namespace ca
