// Task extract_cpython: the cpython evidence layer over every decoded file, on up to -j
// worker processes (evidence/cpython/cpython_worker.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "evidence/cpython/cpython_facts.hpp"
#include "pipeline/file_job.hpp"

namespace ca {

/// The layer's rows for each of `files` (same order; files without decoded text get none).
/// Up to `jobs` threads each drive one worker process started from `worker_exe` (empty =
/// this program). Rows within a file are in CPython's preorder, so the result does not
/// depend on `jobs`. `advance` is called once per file from any thread.
std::vector<CpythonFacts> run_cpython_layer(const std::vector<ExtractedFile>& files, int jobs,
                                            const std::filesystem::path& worker_exe,
                                            const std::function<void()>& advance);

}  // namespace ca
