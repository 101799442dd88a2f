#include "calendar/overdue.hpp"

#include <chrono>

namespace relplan {

bool is_overdue(const Release& r, const Date& today) {
    if (r.status == ReleaseStatus::released || r.status == ReleaseStatus::cancelled ||
        r.status == ReleaseStatus::rolled_back)
        return false;
    return r.release_date && r.release_date->ok() && *r.release_date < today;
}

std::vector<std::int32_t> overdue_releases(const Plan& plan, const Date& today) {
    std::vector<std::int32_t> out;
    for (std::size_t i = 0; i < plan.releases.size(); ++i)
        if (is_overdue(plan.releases[i], today)) out.push_back(static_cast<std::int32_t>(i));
    return out;
}

std::int32_t days_overdue(const Release& r, const Date& today) {
    if (!is_overdue(r, today)) return 0;
    return static_cast<std::int32_t>((std::chrono::sys_days{today} - std::chrono::sys_days{*r.release_date}).count());
}

}  // namespace relplan
