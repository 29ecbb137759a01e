// C3 merge and its depth-first fallback (see mro.hpp).
#include "resolve/program/mro.hpp"

#include <algorithm>

namespace ca::program {

std::optional<std::vector<Value>> c3_merge(const Value& cls, std::vector<std::vector<Value>> lists,
                                           const std::vector<Value>& bases) {
  lists.push_back(bases);
  std::vector<Value> out{cls};
  while (true) {
    lists.erase(std::remove_if(lists.begin(), lists.end(), [](const auto& l) { return l.empty(); }),
                lists.end());
    if (lists.empty()) break;
    const Value* pick = nullptr;
    for (const auto& l : lists) {
      const Value& head = l.front();
      const bool in_tail = std::any_of(lists.begin(), lists.end(), [&](const auto& other) {
        return std::find(other.begin() + 1, other.end(), head) != other.end();
      });
      if (!in_tail) {
        pick = &head;
        break;
      }
    }
    if (pick == nullptr) return std::nullopt;
    const Value chosen = *pick;
    if (chosen == cls) return std::nullopt;  // a cycle through the bases
    out.push_back(chosen);
    for (auto& l : lists) {
      if (!l.empty() && l.front() == chosen) l.erase(l.begin());
    }
  }
  return out;
}

std::vector<Value> depth_first_order(const Value& cls,
                                     const std::vector<std::vector<Value>>& base_mros) {
  std::vector<Value> out{cls};
  for (const auto& l : base_mros) {
    for (const Value& v : l) {
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    }
  }
  return out;
}

}  // namespace ca::program
