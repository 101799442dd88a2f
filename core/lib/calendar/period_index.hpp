// Blackouts or holidays indexed once for many questions of the form "which periods that apply to
// these components share a day with first..last?" (applies_to decides what applies).
//
// Periods are grouped by scope (their sorted component list; empty = everything) and each scope
// keeps its periods sorted by start with a max-tree over their ends, so a count is two binary
// searches and each period found costs O(log m). A question for a component list visits the scopes
// that name one of its components (plus the unrestricted one); a release without components uses
// one index of all periods. Building is O(m log m); no question walks the whole list.
#pragma once

#include "plan/plan.hpp"

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace relplan {

class PeriodIndex {
public:
    PeriodIndex() = default;
    // Periods that are not ok() or end before they start are left out (plan validation reports them).
    explicit PeriodIndex(const std::vector<Period>& periods);
    // Scopes point into the index itself: it moves but is not copied.
    PeriodIndex(const PeriodIndex&) = delete;
    PeriodIndex& operator=(const PeriodIndex&) = delete;
    PeriodIndex(PeriodIndex&&) = default;
    PeriodIndex& operator=(PeriodIndex&&) = default;

    // How many periods applying to `components` share a day with [first, last].
    std::size_t count(const std::vector<std::string>& components, const Date& first, const Date& last) const;
    // Positions (in the list given to the constructor) of up to `limit` of them: the earliest
    // starting, ties in list order; returned in that order.
    std::vector<std::size_t> find(const std::vector<std::string>& components, const Date& first, const Date& last,
                                  std::size_t limit) const;

private:
    // The periods of one scope: sorted by (start, position), with a max-tree over their ends.
    struct Scope {
        std::vector<std::chrono::sys_days> starts, ends_sorted;
        std::vector<std::size_t> positions;
        std::vector<std::chrono::sys_days> tree;  // tree[size_ + i] = end of the i-th period
        std::size_t size_ = 1;
        void build(std::vector<std::pair<std::pair<std::chrono::sys_days, std::size_t>, std::chrono::sys_days>> items);
        std::size_t count(std::chrono::sys_days first, std::chrono::sys_days last) const;
        void find(std::chrono::sys_days first, std::chrono::sys_days last, std::size_t limit,
                  std::vector<std::pair<std::chrono::sys_days, std::size_t>>& out) const;
        // The first index >= from (below `below`) whose end is >= day; `below` when none.
        std::size_t next_reaching(std::size_t from, std::size_t below, std::chrono::sys_days day) const;
    };
    std::vector<const Scope*> scopes_for(const std::vector<std::string>& components) const;

    Scope all_;                                             // for releases without components
    std::map<std::vector<std::string>, Scope> scopes_;      // by sorted component list; {} = everything
    std::map<std::string, std::vector<const Scope*>> by_component_;
};

}  // namespace relplan
