// The worker side of the cpython layer: an isolated embedded CPython 3.11 running the
// driver in driver.py.inc (our own code, compiled into the binary).
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdio>

#include "evidence/cpython/cpython_worker.hpp"

namespace ca {
namespace {

constexpr const char* kDriver =
#include "evidence/cpython/driver.py.inc"
    ;

}  // namespace

int run_cpython_worker() {
  PyConfig config;
  // Isolated: no site, no user site-packages, no PYTHON* environment, no cwd on sys.path.
  PyConfig_InitIsolatedConfig(&config);
  config.site_import = 0;
  config.write_bytecode = 0;
  // A fixed hash seed: set and frozenset constants (and their reprs) in the same order in
  // every worker, so rows do not depend on which worker saw a file.
  config.use_hash_seed = 1;
  config.hash_seed = 0;
  config.install_signal_handlers = 1;  // SIGPIPE ignored: a closed socket is an exception
  PyStatus status = PyConfig_SetString(&config, &config.program_name, L"codeanatomy-cpython");
  if (!PyStatus_Exception(status)) status = Py_InitializeFromConfig(&config);
  PyConfig_Clear(&config);
  if (PyStatus_Exception(status)) {
    std::fprintf(stderr, "codeanatomy cpython worker: cannot start Python: %s\n",
                 status.err_msg ? status.err_msg : "unknown error");
    return 2;
  }
  int rc = PyRun_SimpleString(kDriver);
  if (Py_FinalizeEx() < 0) rc = rc ? rc : 3;
  return rc == 0 ? 0 : 2;
}

}  // namespace ca
