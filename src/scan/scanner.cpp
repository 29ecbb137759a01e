// Placeholder, replaced by the scanner implementation.
#include "scan/scanner.hpp"
namespace ca {
ScanResult scan_repository(const std::filesystem::path&, const ScanOptions&) { return {}; }
}  // namespace ca
