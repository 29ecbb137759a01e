// The allocator's settings, read by jemalloc when it starts (linked only when CA_JEMALLOC
// is on). A background thread returns freed pages to the system after 100 ms instead of
// the allocating threads doing it, so peak memory stays what glibc's malloc gives while
// the many small allocations of parsing and resolution get cheaper.
extern "C" {
// jemalloc looks this symbol up by name; it must have C linkage and exactly this name.
// NOLINTNEXTLINE(readability-identifier-naming)
extern const char* const malloc_conf;
const char* const malloc_conf = "background_thread:true,dirty_decay_ms:100,muzzy_decay_ms:0";
}
