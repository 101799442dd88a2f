#include "calendar/period_index.hpp"

#include <algorithm>

namespace relplan {

using namespace std::chrono;

namespace {

using Item = std::pair<std::pair<sys_days, std::size_t>, sys_days>;  // ((start, position), end)

}  // namespace

void PeriodIndex::Scope::build(std::vector<Item> items) {
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.first < b.first; });
    while (size_ < items.size()) size_ *= 2;
    tree.assign(2 * size_, sys_days::min());
    for (std::size_t i = 0; i < items.size(); ++i) {
        starts.push_back(items[i].first.first);
        positions.push_back(items[i].first.second);
        ends_sorted.push_back(items[i].second);
        tree[size_ + i] = items[i].second;
    }
    for (std::size_t i = size_ - 1; i > 0; --i) tree[i] = std::max(tree[2 * i], tree[2 * i + 1]);
    std::sort(ends_sorted.begin(), ends_sorted.end());
}

// Periods starting on or before `last` minus those ending before `first` (which also start before it).
std::size_t PeriodIndex::Scope::count(sys_days first, sys_days last) const {
    const auto started = std::upper_bound(starts.begin(), starts.end(), last) - starts.begin();
    const auto ended = std::lower_bound(ends_sorted.begin(), ends_sorted.end(), first) - ends_sorted.begin();
    return std::size_t(started - ended);
}

std::size_t PeriodIndex::Scope::next_reaching(std::size_t from, std::size_t below, sys_days day) const {
    // Walk up from leaf `from` until a subtree to the right holds an end >= day, then down into it.
    if (from >= below) return below;
    std::size_t node = size_ + from;
    if (tree[node] >= day) return from;
    for (;;) {
        while (node % 2 == 1) {  // a right child: its parent's right part is already passed
            node /= 2;
            if (node <= 1) return below;
        }
        ++node;  // the right sibling
        if (tree[node] >= day) break;
    }
    while (node < size_) node = tree[2 * node] >= day ? 2 * node : 2 * node + 1;
    const std::size_t at = node - size_;
    return at < below ? at : below;
}

void PeriodIndex::Scope::find(sys_days first, sys_days last, std::size_t limit,
                              std::vector<std::pair<sys_days, std::size_t>>& out) const {
    const std::size_t below = std::size_t(std::upper_bound(starts.begin(), starts.end(), last) - starts.begin());
    for (std::size_t i = next_reaching(0, below, first), found = 0; i < below && found < limit;
         i = next_reaching(i + 1, below, first), ++found)
        out.emplace_back(starts[i], positions[i]);
}

PeriodIndex::PeriodIndex(const std::vector<Period>& periods) {
    std::vector<Item> all;
    std::map<std::vector<std::string>, std::vector<Item>> scoped;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const Period& p = periods[i];
        if (!p.start.ok() || !p.end.ok() || p.end < p.start) continue;
        const Item item{{sys_days{p.start}, i}, sys_days{p.end}};
        all.push_back(item);
        std::vector<std::string> key = p.components;
        std::sort(key.begin(), key.end());
        key.erase(std::unique(key.begin(), key.end()), key.end());
        scoped[std::move(key)].push_back(item);
    }
    all_.build(std::move(all));
    for (auto& [key, items] : scoped) {
        Scope& scope = scopes_[key];
        scope.build(std::move(items));
        for (const std::string& c : key) by_component_[c].push_back(&scope);
    }
}

std::vector<const PeriodIndex::Scope*> PeriodIndex::scopes_for(const std::vector<std::string>& components) const {
    if (components.empty()) return {&all_};
    std::vector<const Scope*> out;
    if (const auto everything = scopes_.find({}); everything != scopes_.end()) out.push_back(&everything->second);
    for (const std::string& c : components)
        if (const auto it = by_component_.find(c); it != by_component_.end())
            out.insert(out.end(), it->second.begin(), it->second.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::size_t PeriodIndex::count(const std::vector<std::string>& components, const Date& first, const Date& last) const {
    std::size_t n = 0;
    for (const Scope* s : scopes_for(components)) n += s->count(sys_days{first}, sys_days{last});
    return n;
}

std::vector<std::size_t> PeriodIndex::find(const std::vector<std::string>& components, const Date& first,
                                           const Date& last, std::size_t limit) const {
    std::vector<std::pair<sys_days, std::size_t>> hits;
    for (const Scope* s : scopes_for(components)) s->find(sys_days{first}, sys_days{last}, limit, hits);
    std::sort(hits.begin(), hits.end());
    if (hits.size() > limit) hits.resize(limit);
    std::vector<std::size_t> out;
    for (const auto& h : hits) out.push_back(h.second);
    return out;
}

}  // namespace relplan
