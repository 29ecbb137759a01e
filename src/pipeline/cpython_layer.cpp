// The cpython layer over a whole build; see cpython_layer.hpp.
#include "pipeline/cpython_layer.hpp"

#include <memory>

#include "core/parallel.hpp"
#include "evidence/cpython/cpython_worker.hpp"

namespace ca {

std::vector<CpythonFacts> run_cpython_layer(const std::vector<ExtractedFile>& files, int jobs,
                                            const std::filesystem::path& worker_exe,
                                            const std::function<void()>& advance) {
  std::vector<CpythonFacts> out(files.size());
  parallel_for_each(
      files.size(), jobs, [&](int) { return std::make_unique<CpythonWorker>(worker_exe); },
      [&](std::unique_ptr<CpythonWorker>& worker, size_t i) {
        const ExtractedFile& f = files[i];
        if (f.text) out[i] = worker->analyze(f.file.file_id, f.file.path, *f.text);
        if (advance) advance();
      });
  return out;
}

}  // namespace ca
