#include "calendar/windows.hpp"

#include "calendar/business_days.hpp"
#include "calendar/milestones.hpp"

#include "calendar/calendar_util.hpp"
#include "calendar/period_index.hpp"
#include "plan/plan_time.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace relplan {

using namespace std::chrono;

namespace {

constexpr std::int64_t kMaxRangeDays = 366;
constexpr std::int32_t kBase = 100;

struct Other {
    const Release* release;
    std::string shared;  // "component api" or "environment production"
};

std::string shared_text(const Release& a, const Release& b) {
    const std::string c = calendar::common_component(a.components, b.components);
    if (!c.empty()) return "component " + c;
    if (!a.environment.empty() && a.environment == b.environment) return "environment " + a.environment;
    return {};
}

std::string hhmm(int minutes_of_day) { return fmt::format("{:02}:{:02}", minutes_of_day / 60, minutes_of_day % 60); }

std::int32_t offset_minutes(const TimeZone& z, sys_seconds t) {
    return std::int32_t(z.state_at(t).utc_offset.count() / 60);
}

class Finder {
public:
    Finder(const Plan& plan, const Release& release, const WindowRequest& req, TimeZone zone,
           minutes duration, minutes min_d, minutes max_d, bool outside_hours)
        : plan_(plan), release_(release), req_(req), zone_(std::move(zone)), duration_(duration),
          min_(min_d), max_(max_d), outside_hours_(outside_hours),
          calendar_(plan.holidays, release.components), planned_(calendar::planned_milestones(plan, release)),
          offsets_(milestone_offsets(plan.settings, release.type)) {
        for (const Release& r : plan.releases) {
            if (&r == &release || r.status == ReleaseStatus::cancelled || r.status == ReleaseStatus::released)
                continue;
            std::string shared = shared_text(release, r);
            if (!shared.empty()) others_.push_back(Other{&r, std::move(shared)});
        }
        index_others();
        for (const Communication& c : release.communications) {
            const std::optional<Date> when = c.sent_on ? c.sent_on : c.planned_on;
            if (when && when->ok() && (!announcement_ || *when < *announcement_)) announcement_ = *when;
        }
    }

    WindowSearch run() {
        WindowSearch out;
        std::vector<WindowCandidate> all;
        std::map<std::string, std::int64_t> excluded;
        std::int64_t in_gap = 0;
        const std::int64_t step = req_.step.count();
        for (sys_days day{req_.from}; day <= sys_days{req_.until}; day += days{1}) {
            for (std::int64_t m = 0; m < 24 * 60; m += step) {
                ++out.considered;
                // In seconds: libc++ on wasm32 counts minutes in 32 bits, too few for year 9999.
                const local_seconds local = local_seconds{day.time_since_epoch()} + seconds{m * 60};
                auto utc = zone_.to_utc(local);
                if (!utc || utc->kind == LocalTimeKind::gap) {
                    ++in_gap;
                    continue;
                }
                ChangeWindow w;
                w.start = utc->utc;
                w.end = w.start + duration_;
                w.zone = zone_.name();
                w.start_offset_minutes = offset_minutes(zone_, w.start);
                w.end_offset_minutes = offset_minutes(zone_, w.end);
                if (auto why = exclusion(w)) {
                    ++excluded[*why];
                    continue;
                }
                all.push_back(score(std::move(w)));
            }
        }
        std::stable_sort(all.begin(), all.end(), [](const WindowCandidate& a, const WindowCandidate& b) {
            return a.score > b.score;  // stable: earlier starts first among equals
        });
        // Alternatives on different days help more than neighbours on one night: first the best
        // candidate of each day, then, if still short, any that overlap none chosen.
        std::vector<bool> taken(all.size(), false);
        for (int pass = 0; pass < 2; ++pass) {
            for (std::size_t i = 0; i < all.size() && std::int64_t(out.candidates.size()) < req_.count; ++i) {
                if (taken[i]) continue;
                const WindowCandidate& c = all[i];
                const bool clashes = std::any_of(out.candidates.begin(), out.candidates.end(), [&](const WindowCandidate& o) {
                    return (c.window.start < o.window.end && o.window.start < c.window.end) ||
                           (pass == 0 && local_date(c.window.start) == local_date(o.window.start));
                });
                if (clashes) continue;
                taken[i] = true;
                out.candidates.push_back(c);
            }
        }
        std::stable_sort(out.candidates.begin(), out.candidates.end(),
                         [](const WindowCandidate& a, const WindowCandidate& b) { return a.score > b.score; });
        for (const auto& [why, n] : excluded)
            out.excluded.push_back(fmt::format("{} candidate{} {}", n, n == 1 ? "" : "s", why));
        if (in_gap > 0)
            out.excluded.push_back(fmt::format("{} candidate start{} skipped: the local time does not exist "
                                               "(DST gap in {})",
                                               in_gap, in_gap == 1 ? "" : "s", zone_.name()));
        return out;
    }

private:
    Date local_date(sys_seconds t) const { return Date{floor<days>(t + zone_.state_at(t).utc_offset)}; }

    std::optional<std::string> exclusion(const ChangeWindow& w) const {
        const Date first = local_date(w.start);
        const Date last = local_date(w.end - seconds{1});
        if (const auto hit = blackouts_.find(release_.components, first, last, 1); !hit.empty()) {
            const Period& p = plan_.blackouts[hit[0]];
            return fmt::format("overlap blackout '{}' ({}..{})", p.name, format_date(p.start), format_date(p.end));
        }
        // Of the windows that start before this one ends, the one reaching furthest decides.
        const auto before = std::lower_bound(window_starts_.begin(), window_starts_.end(), w.end) - window_starts_.begin();
        if (before > 0) {
            const Other& o = *windows_[reach_[std::size_t(before) - 1]];
            if (o.release->change_window->end > w.start)
                return fmt::format("overlap the change window of release {} ({})", o.release->id, o.shared);
        }
        return std::nullopt;
    }

    // Other releases' valid windows sorted by start, with the running furthest-reaching one, and
    // their deployment days: every candidate is then judged in O(log n), not by a walk over the plan.
    void index_others() {
        for (const Other& o : others_) {
            const Release& r = *o.release;
            const bool valid = r.change_window && r.change_window->end > r.change_window->start;
            if (valid) windows_.push_back(&o);
            std::optional<Date> first_window_day;
            if (valid) first_window_day = local_date(r.change_window->start);
            if (r.release_date) deploying_[*r.release_date].push_back(&o);
            if (first_window_day && (!r.release_date || *first_window_day != *r.release_date))
                deploying_[*first_window_day].push_back(&o);
        }
        std::stable_sort(windows_.begin(), windows_.end(), [](const Other* a, const Other* b) {
            return a->release->change_window->start < b->release->change_window->start;
        });
        for (std::size_t i = 0; i < windows_.size(); ++i) {
            window_starts_.push_back(windows_[i]->release->change_window->start);
            const bool further = i == 0 || windows_[i]->release->change_window->end >
                                               windows_[reach_.back()]->release->change_window->end;
            reach_.push_back(further ? i : reach_.back());
        }
        // Each day's list in plan order, as the walk over the plan gave it.
        for (auto& [day, list] : deploying_)
            std::sort(list.begin(), list.end(), [](const Other* a, const Other* b) { return a < b; });
    }

    WindowCandidate score(ChangeWindow w) const {
        WindowCandidate c;
        const Date day = local_date(w.start);
        auto add = [&](const char* name, std::int32_t points, std::string why) {
            c.factors.push_back(ScoreFactor{name, points, std::move(why)});
        };
        // weekday
        if (is_weekend(day))
            add("weekday", req_.avoid_weekends ? -30 : 0,
                fmt::format("{} {}; weekends are {}", weekday_name(day), format_date(day),
                            req_.avoid_weekends ? "avoided" : "allowed"));
        else
            add("weekday", 0, fmt::format("{} {}, a business day", weekday_name(day), format_date(day)));
        // holiday
        const std::string_view holiday = calendar_.holiday_name(day);
        if (!holiday.empty())
            add("holiday", -25, fmt::format("{} is the holiday '{}'", format_date(day), holiday));
        else
            add("holiday", 0, fmt::format("{} is not a holiday", format_date(day)));
        // business hours, in local wall-clock minutes
        const std::string hours = fmt::format("{}-{} {}", hhmm(req_.business_start_hour * 60),
                                              hhmm(req_.business_end_hour * 60), zone_.name());
        if (outside_hours_) {
            // Minutes since 1970 in local time, floored; kept in 64 bits (see above).
            const std::int64_t local_s = (w.start + zone_.state_at(w.start).utc_offset).time_since_epoch().count();
            const std::int64_t start_local = local_s >= 0 ? local_s / 60 : -((-local_s + 59) / 60);
            const std::int64_t end_local = start_local + duration_.count();
            std::int64_t inside = 0;
            for (std::int64_t d = start_local / 1440 - 2; d <= end_local / 1440 + 1; ++d) {
                if (is_weekend(Date{sys_days{days{d}}})) continue;
                const std::int64_t lo = std::max(start_local, d * 1440 + req_.business_start_hour * 60);
                const std::int64_t hi = std::min(end_local, d * 1440 + req_.business_end_hour * 60);
                if (hi > lo) inside += hi - lo;
            }
            if (inside == 0)
                add("business-hours", 0, fmt::format("entirely outside business hours ({})", hours));
            else
                add("business-hours", -std::int32_t((30 * inside + duration_.count() / 2) / duration_.count()),
                    fmt::format("{} of the window falls in business hours ({}); {} releases deploy outside them",
                                calendar::duration_text(minutes{inside}), hours, to_string(release_.type)));
        } else {
            add("business-hours", 0,
                fmt::format("business hours ({}) are allowed for {} releases", hours, to_string(release_.type)));
        }
        // notice period
        const std::int32_t needed = offsets_.notice_days;
        const std::optional<Date> from = announcement_ ? announcement_ : req_.today;
        if (needed == 0) {
            add("notice-period", 0, fmt::format("{} releases need no advance notice", to_string(release_.type)));
        } else if (!from) {
            add("notice-period", 0, "no announcement planned and no today given; not checked");
        } else {
            const std::int64_t have = calendar::days_between(*from, day);
            const std::string since = fmt::format("{} ({})", announcement_ ? "the first announcement" : "today",
                                                  format_date(*from));
            if (have < needed)
                add("notice-period", -40,
                    fmt::format("{} {} {}; {} releases need {}", calendar::days_text(have < 0 ? -have : have),
                                have < 0 ? "before" : "after", since, to_string(release_.type),
                                calendar::notice_text(needed)));
            else
                add("notice-period", 0,
                    fmt::format("{} met: {} after {}", calendar::notice_text(needed), calendar::days_text(have), since));
        }
        // distance from the code freeze
        if (!planned_.code_freeze) {
            add("code-freeze", 0, "no code freeze planned");
        } else {
            const Date freeze = *planned_.code_freeze;
            const std::int64_t after = calendar::days_between(freeze, day);
            const std::int32_t period = offsets_.code_freeze_days;
            if (after < 0)
                add("code-freeze", -40, fmt::format("{} before the code freeze ({})",
                                                    calendar::days_text(-after), format_date(freeze)));
            else if (after < period)
                add("code-freeze", -std::int32_t((20 * (period - after) + period / 2) / period),
                    fmt::format("{} after the code freeze ({}); {} of stabilization recommended",
                                calendar::days_text(after), format_date(freeze), calendar::days_text(period)));
            else
                add("code-freeze", 0, fmt::format("{} after the code freeze ({})", calendar::days_text(after),
                                                  format_date(freeze)));
        }
        // distance from the planned release date
        if (!release_.release_date) {
            add("release-date", 0, "no release date planned");
        } else {
            const std::int64_t away = calendar::days_between(*release_.release_date, day);
            const std::int64_t n = away < 0 ? -away : away;
            if (n == 0)
                add("release-date", 0, fmt::format("on the planned release date ({})", format_date(*release_.release_date)));
            else
                add("release-date", -std::int32_t(std::min<std::int64_t>(30, 3 * n)),
                    fmt::format("{} {} the planned release date ({})", calendar::days_text(n),
                                away < 0 ? "before" : "after", format_date(*release_.release_date)));
        }
        // other releases deploying the same day (named up to a handful: a crowded day may have thousands)
        const auto same_day = deploying_.find(day);
        if (same_day == deploying_.end()) {
            add("other-releases", 0, fmt::format("no other release on a shared component deploys on {}", format_date(day)));
        } else {
            const std::vector<const Other*>& on_day = same_day->second;
            std::string list;
            for (std::size_t i = 0; i < on_day.size() && i < named_max; ++i)
                list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", on_day[i]->release->id, on_day[i]->shared);
            if (on_day.size() > named_max) list += fmt::format(" and {} more", on_day.size() - named_max);
            add("other-releases", -std::int32_t(std::min<std::size_t>(20, 10 * on_day.size())),
                fmt::format("also deploying on {}: {}", format_date(day), list));
        }
        add("duration", 0, fmt::format("{} (allowed {} to {})", calendar::duration_text(duration_),
                                       calendar::duration_text(min_), calendar::duration_text(max_)));
        c.score = kBase;
        for (const ScoreFactor& f : c.factors) c.score += f.points;
        c.window = std::move(w);
        return c;
    }

    const Plan& plan_;
    const Release& release_;
    const WindowRequest& req_;
    TimeZone zone_;
    minutes duration_, min_, max_;
    bool outside_hours_;
    BusinessCalendar calendar_;
    calendar::PlannedMilestones planned_;
    MilestoneOffsets offsets_;
    static constexpr std::size_t named_max = 5;
    PeriodIndex blackouts_{plan_.blackouts};
    std::vector<Other> others_;
    std::vector<const Other*> windows_;  // by start
    std::vector<sys_seconds> window_starts_;
    std::vector<std::size_t> reach_;     // reach_[i]: of windows_[0..i], the one ending last
    std::map<Date, std::vector<const Other*>> deploying_;  // by local day of release date or window start
    std::optional<Date> announcement_;
};

}  // namespace

Result<WindowSearch> find_windows(const Plan& plan, std::string_view release_id, const WindowRequest& req,
                                  const TzDatabase& zones) {
    const Release* release = find_release(plan, release_id);
    if (!release) return make_error(fmt::format("no release with id '{}'", release_id));
    if (auto ok = check_date(req.from, "search start"); !ok) return ok.error();
    if (auto ok = check_date(req.until, "search end"); !ok) return ok.error();
    if (req.until < req.from)
        return make_error(fmt::format("the search range ends ({}) before it starts ({})", format_date(req.until),
                                      format_date(req.from)));
    if (calendar::days_between(req.from, req.until) >= kMaxRangeDays)
        return make_error(fmt::format("the search range {}..{} is longer than {} days", format_date(req.from),
                                      format_date(req.until), kMaxRangeDays));
    std::string zone_name = req.zone;
    if (zone_name.empty() && release->change_window) zone_name = release->change_window->zone;
    if (zone_name.empty()) zone_name = plan.project.time_zone;
    if (zone_name.empty()) zone_name = "UTC";
    auto zone = zones.zone(zone_name);
    if (!zone) return zone.error();

    const bool major = release->type == ReleaseType::major;
    const minutes min_d = req.min_duration.value_or(major ? hours{2} : hours{1});
    const minutes max_d = req.max_duration.value_or(hours{8});
    if (min_d <= minutes{0}) return make_error("the minimum duration must be positive");
    if (max_d > hours{24}) return make_error(fmt::format("the maximum duration {} is longer than 24 h", calendar::duration_text(max_d)));
    if (min_d > max_d)
        return make_error(fmt::format("the minimum duration {} exceeds the maximum {}", calendar::duration_text(min_d),
                                      calendar::duration_text(max_d)));
    minutes duration = min_d;
    if (req.duration) duration = *req.duration;
    else if (release->change_window && release->change_window->end > release->change_window->start)
        duration = std::clamp(floor<minutes>(release->change_window->end - release->change_window->start), min_d, max_d);
    if (duration < min_d || duration > max_d)
        return make_error(fmt::format("the duration {} is outside the allowed {} to {}", calendar::duration_text(duration),
                                      calendar::duration_text(min_d), calendar::duration_text(max_d)));
    if (req.step < minutes{15} || req.step > hours{24} || (24 * 60) % req.step.count() != 0)
        return make_error(fmt::format("the step {} must divide 24 h and be at least 15 min",
                                      calendar::duration_text(req.step)));
    if (req.count < 1 || req.count > 50) return make_error(fmt::format("count must be between 1 and 50 (got {})", req.count));
    if (req.business_start_hour < 0 || req.business_end_hour > 24 || req.business_start_hour >= req.business_end_hour)
        return make_error(fmt::format("business hours {}..{} are not a range within a day", req.business_start_hour,
                                      req.business_end_hour));
    if (sys_days{req.until} + days{2} > sys_days{max_supported_date})
        return make_error("the search range must end before 9999-12-30");

    Finder finder(plan, *release, req, *zone, duration, min_d, max_d, req.outside_business_hours.value_or(major));
    return finder.run();
}

std::string format_window_search(const WindowSearch& s) {
    std::string out;
    for (std::size_t i = 0; i < s.candidates.size(); ++i) {
        const WindowCandidate& c = s.candidates[i];
        out += fmt::format("{}. {} .. {} {}  score {}\n", i + 1,
                           format_offset_time(c.window.start, c.window.start_offset_minutes),
                           format_offset_time(c.window.end, c.window.end_offset_minutes), c.window.zone, c.score);
        for (const ScoreFactor& f : c.factors)
            out += fmt::format("   {:>4}  {:<15} {}\n", f.points == 0 ? std::string("0") : fmt::format("{:+}", f.points),
                               f.name, f.explanation);
    }
    if (s.candidates.empty()) out += "no window fits the constraints\n";
    out += fmt::format("{} candidate start{} considered\n", s.considered, s.considered == 1 ? "" : "s");
    for (const std::string& e : s.excluded) out += "excluded: " + e + "\n";
    return out;
}

std::string window_search_to_json(const WindowSearch& s) {
    nlohmann::ordered_json out;
    out["candidates"] = nlohmann::ordered_json::array();
    for (const WindowCandidate& c : s.candidates) {
        nlohmann::ordered_json item;
        item["start"] = format_offset_time(c.window.start, c.window.start_offset_minutes);
        item["end"] = format_offset_time(c.window.end, c.window.end_offset_minutes);
        item["zone"] = c.window.zone;
        item["score"] = c.score;
        item["factors"] = nlohmann::ordered_json::array();
        for (const ScoreFactor& f : c.factors)
            item["factors"].push_back({{"name", f.name}, {"points", f.points}, {"explanation", f.explanation}});
        out["candidates"].push_back(std::move(item));
    }
    out["considered"] = s.considered;
    out["excluded"] = s.excluded;
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace relplan
