#include "calendar/trains.hpp"

#include "calendar/business_days.hpp"
#include "calendar/cadence.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace relplan {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

Result<std::vector<Date>> train_dates(const Plan& plan, const Train& train) {
    auto cadence = parse_cadence(train.cadence);
    if (!cadence) return make_error(fmt::format("train '{}': {}", train.id, cadence.error().message));
    if (!train.start.ok()) return make_error(fmt::format("train '{}': the start date does not exist", train.id));
    const BusinessCalendar calendar(plan.holidays, train.components);
    auto dates = cadence_dates(*cadence, train.start, train.count, calendar);
    if (!dates) return make_error(fmt::format("train '{}': {}", train.id, dates.error().message));
    return dates;
}

// Code freeze `n` days before the release; earlier milestones move back with it so they stay in order.
void set_code_freeze(Release& r, std::int32_t n) {
    const sys_days freeze = sys_days{*r.release_date} - days{n};
    r.code_freeze = Date{freeze};
    if (r.feature_freeze && sys_days{*r.feature_freeze} > freeze) r.feature_freeze = Date{freeze};
    if (r.planning_start && sys_days{*r.planning_start} > freeze) r.planning_start = Date{freeze};
}

Result<std::vector<Release>> generate(const Plan& plan, const Train& train, const std::vector<Date>& dates) {
    TrainOptions options;
    options.type = train.type;
    options.components = train.components;
    if (!train.calver_scheme.empty()) options.calver_scheme = train.calver_scheme;
    auto made = plan_train(plan, dates, options);
    if (!made) return make_error(fmt::format("train '{}': {}", train.id, made.error().message));
    for (Release& r : *made) {
        r.train = train.id;
        r.name = train.name;
        if (train.code_freeze_days) set_code_freeze(r, *train.code_freeze_days);
    }
    return made;
}

}  // namespace

bool untouched_by_hand(const Release& r, const Train& train, const std::vector<Date>& train_dates) {
    if (r.train != train.id || r.status != ReleaseStatus::planning || r.yanked) return false;
    if (r.name != train.name || !r.release_date) return false;
    if (std::find(train_dates.begin(), train_dates.end(), *r.release_date) == train_dates.end()) return false;
    return r.changes.empty() && r.communications.empty() && r.risks.empty() && r.quality_gates.empty() &&
           r.known_issues.empty() && r.summary.empty() && r.theme.empty() && r.objectives.empty();
}

Result<std::vector<Release>> train_releases(const Plan& plan, const Train& train) {
    auto dates = train_dates(plan, train);
    if (!dates) return dates.error();
    return generate(plan, train, *dates);
}

Result<TrainChange> apply_train(const Plan& plan, const Train& train) {
    if (train.id.empty()) return make_error("a train needs an id");
    auto dates = train_dates(plan, train);
    if (!dates) return dates.error();

    TrainChange out;
    out.plan = plan;
    const Train* old = find_train(plan, train.id);
    std::vector<Date> old_dates;
    if (old) {
        if (auto d = train_dates(plan, *old)) old_dates = *d;
    }
    auto& releases = out.plan.releases;
    for (auto it = releases.begin(); it != releases.end();) {
        if (it->train == train.id && old && untouched_by_hand(*it, *old, old_dates)) {
            out.removed.push_back(it->id);
            it = releases.erase(it);
        } else {
            if (it->train == train.id) out.kept.push_back(it->id);
            ++it;
        }
    }
    std::vector<Date> wanted;
    for (const Date& d : *dates) {
        const bool held = std::any_of(releases.begin(), releases.end(), [&](const Release& r) {
            return r.train == train.id && r.release_date == d;
        });
        if (!held) wanted.push_back(d);
    }
    auto made = generate(out.plan, train, wanted);
    if (!made) return made.error();
    for (Release& r : *made) {
        out.added.push_back(r.id);
        releases.push_back(std::move(r));
    }
    auto slot = std::find_if(out.plan.trains.begin(), out.plan.trains.end(),
                             [&](const Train& t) { return t.id == train.id; });
    if (slot == out.plan.trains.end()) out.plan.trains.push_back(train);
    else *slot = train;
    return out;
}

Plan remove_train(const Plan& plan, std::string_view train_id) {
    Plan out = plan;
    const Train* train = find_train(plan, train_id);
    if (!train) return out;
    std::vector<Date> dates;
    if (auto d = train_dates(plan, *train)) dates = *d;
    auto& releases = out.releases;
    releases.erase(std::remove_if(releases.begin(), releases.end(),
                                  [&](const Release& r) { return untouched_by_hand(r, *train, dates); }),
                   releases.end());
    for (Release& r : releases)
        if (r.train == train_id) r.train.clear();
    out.trains.erase(std::remove_if(out.trains.begin(), out.trains.end(),
                                    [&](const Train& t) { return t.id == train_id; }),
                     out.trains.end());
    return out;
}

}  // namespace relplan
