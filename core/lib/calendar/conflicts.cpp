#include "calendar/conflicts.hpp"

#include "base/json_doc.hpp"
#include "calendar/business_days.hpp"
#include "version/calver.hpp"

#include "calendar/calendar_util.hpp"
#include "calendar/dst_gap.hpp"
#include "calendar/period_index.hpp"
#include "version/release_line.hpp"
#include "version/version_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>

namespace relplan {

using namespace std::chrono;
using calendar::days_text;

std::string_view to_string(Severity severity) {
    return severity == Severity::error ? "error" : "warning";
}

bool has_errors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::error; });
}

FindingsJson::FindingsJson(std::function<void(std::string_view)> sink) : sink_(std::move(sink)) {
    w_.begin_array();
}

void FindingsJson::add(const Finding& f) {
    w_.begin_object();
    w_.member("severity", to_string(f.severity));
    w_.member("code", f.code);
    w_.key("releases");
    w_.begin_array();
    for (const std::string& id : f.releases) w_.string(id);
    w_.end_array();
    w_.member("message", f.message);
    w_.end_object();
    if (w_.pending() > (64u << 10)) w_.drain(sink_);
}

void FindingsJson::finish() {
    w_.end_array();
    w_.drain(sink_);
    sink_("\n");
}

std::string findings_to_json(const std::vector<Finding>& findings) {
    std::string out;
    FindingsJson json([&](std::string_view piece) { out += piece; });
    for (const Finding& f : findings) json.add(f);
    json.finish();
    return out;
}

namespace {

bool urgent(const Release& r) { return r.type == ReleaseType::hotfix || r.type == ReleaseType::security; }

bool in_range(const Date& d) { return d.ok() && d >= min_supported_date && d <= max_supported_date; }

// Precedence of two release versions when they are comparable: both SemVer, or both in the same
// CalVer scheme.
std::optional<int> compare_versions(const Release& a, const Release& b) {
    if (!a.calver_scheme && !b.calver_scheme) return versions::compare_semver(a.version, b.version);
    if (!a.calver_scheme || !b.calver_scheme) return std::nullopt;
    auto sa = CalverScheme::parse(*a.calver_scheme);
    auto sb = CalverScheme::parse(*b.calver_scheme);
    if (!sa || !sb || !(*sa == *sb)) return std::nullopt;
    auto va = parse_calver(a.version, *sa);
    auto vb = parse_calver(b.version, *sb);
    if (!va || !vb) return std::nullopt;
    return compare(*va, *vb);
}

// 15999 -> "15,999": counts in findings are read by people.
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string period_text(const Period& p) {
    return fmt::format("'{}' ({}..{})", p.name, format_date(p.start), format_date(p.end));
}

class Checker {
public:
    Checker(const Plan& plan, const ConflictOptions& options, const std::function<void(Finding&&)>& each)
        : plan_(plan), options_(options), each_(each) {
        for (const Release& r : plan.releases)
            if (r.status != ReleaseStatus::cancelled && !out_of_range(r)) active_.push_back(&r);
    }

    // One pass per code, in the documented order, each in plan order: findings leave as they are
    // found. Only the overlap sweep and the version order, which visit releases out of plan order,
    // hold what they found, as positions until their text is written.
    void run() {
        for (const Release* r : active_) window_invalid(*r);
        windows();
        for (const Release* r : active_) blackouts(*r);
        for (const Release* r : active_) days_off(*r, true);
        for (const Release* r : active_) days_off(*r, false);
        for (const Release* r : active_) notice(*r);
        for (const Release* r : active_) milestone_order(*r);
        version_order();
        for (const Release* r : active_) freezes(*r);
        for (const Release* r : active_) zones(*r, false);
        for (const Release* r : active_) zones(*r, true);
        for (const Release& r : plan_.releases)
            if (r.status != ReleaseStatus::cancelled && out_of_range(r))
                add("date-range", Severity::error, {r.id},
                    fmt::format("release {} has release date {}, outside the supported range "
                                "1900-01-01..9999-12-31; it is not checked further",
                                r.id, format_date(*r.release_date)));
    }

private:
    static bool out_of_range(const Release& r) { return r.release_date && !in_range(*r.release_date); }

    void add(const char* code, Severity s, std::vector<std::string> releases, std::string message) {
        each_(Finding{s, code, std::move(releases), std::move(message)});
    }

    bool live(const Release& r) const { return r.status != ReleaseStatus::released; }

    std::vector<const Release*> with_valid_window() const {
        std::vector<const Release*> out;
        for (const Release* r : active_)
            if (r->change_window && r->change_window->end > r->change_window->start) out.push_back(r);
        return out;
    }

    // Overlaps are found per key (a component, or an environment) on windows sorted by start, so the
    // work is n log n whatever the overlap. A small cluster of chained windows is reported pair by
    // pair; in a larger one each live release gets one finding with its overlap count and a few
    // names, so a plan where everything overlaps yields n findings, not n^2.
    static constexpr std::size_t pair_cluster_max = 6;
    static constexpr std::size_t named_max = 5;

    void window_invalid(const Release& r) {
        if (!r.change_window || r.change_window->end > r.change_window->start) return;
        const ChangeWindow& w = *r.change_window;
        add("window-invalid", Severity::error, {r.id},
            fmt::format("the change window of release {} ends ({}) {} it starts ({})", r.id,
                        calendar::offset_time_text(w.end, w.end_offset_minutes), w.end == w.start ? "when" : "before",
                        calendar::offset_time_text(w.start, w.start_offset_minutes)));
    }

    // An overlap finding before its text is written: a pair of plan positions, or a crowded release
    // with its count and the positions it names. Text is made when the findings go out in plan
    // order, so a plan where everything overlaps holds tens of bytes per release, not sentences.
    struct Overlap {
        std::size_t first = 0, second = 0;  // plan positions; second == crowded_mark for a crowded release
        const std::string* key = nullptr;   // crowded: "c:" component or "e:" environment
        std::size_t count = 0;              // crowded: windows that overlap this one
        std::array<std::uint32_t, named_max + 1> named{};  // crowded: positions in plan order, itself included
        std::uint8_t named_count = 0;
    };
    static constexpr std::size_t crowded_mark = std::size_t(-1);

    void windows() {
        std::map<std::string, std::vector<const Release*>> by_key;  // "c:" component, "e:" environment
        for (const Release* r : with_valid_window()) {
            for (const std::string& c : r->components)
                if (!c.empty()) by_key["c:" + c].push_back(r);
            if (!r->environment.empty()) by_key["e:" + r->environment].push_back(r);
        }
        std::set<std::pair<std::size_t, std::size_t>> pairs;  // plan positions, reported once
        std::vector<Overlap> found;
        for (auto& [key, list] : by_key) {
            std::stable_sort(list.begin(), list.end(), [](const Release* a, const Release* b) {
                return a->change_window->start < b->change_window->start;
            });
            std::size_t first = 0;
            sys_seconds reach = list.empty() ? sys_seconds{} : list[0]->change_window->end;
            for (std::size_t i = 1; i <= list.size(); ++i) {
                if (i < list.size() && list[i]->change_window->start < reach) {
                    reach = std::max(reach, list[i]->change_window->end);
                    continue;
                }
                if (i - first > pair_cluster_max)
                    crowded(key, list, first, i, found);
                else
                    for (std::size_t a = first; a < i; ++a)
                        for (std::size_t b = a + 1; b < i; ++b) overlap_pair(*list[a], *list[b], pairs, found);
                first = i;
                if (i < list.size()) reach = list[i]->change_window->end;
            }
        }
        // By the first release's position; a crowded release's own finding before its pairs.
        const auto order = [](const Overlap& o) {
            return std::pair(o.first, o.second == crowded_mark ? 0 : o.second);
        };
        std::stable_sort(found.begin(), found.end(),
                         [&](const Overlap& x, const Overlap& y) { return order(x) < order(y); });
        for (const Overlap& o : found) add_overlap(o);
    }

    void overlap_pair(const Release& x, const Release& y, std::set<std::pair<std::size_t, std::size_t>>& pairs,
                      std::vector<Overlap>& found) {
        const Release& a = position(x) < position(y) ? x : y;
        const Release& b = position(x) < position(y) ? y : x;
        if (!live(a) && !live(b)) return;
        const sys_seconds lo = std::max(a.change_window->start, b.change_window->start);
        const sys_seconds hi = std::min(a.change_window->end, b.change_window->end);
        if (hi <= lo || !pairs.insert({position(a), position(b)}).second) return;
        Overlap o;
        o.first = position(a);
        o.second = position(b);
        found.push_back(o);
    }

    void add_overlap(const Overlap& o) {
        if (o.second != crowded_mark) {
            const Release& a = plan_.releases[o.first];
            const Release& b = plan_.releases[o.second];
            const ChangeWindow& wa = *a.change_window;
            const ChangeWindow& wb = *b.change_window;
            const sys_seconds lo = std::max(wa.start, wb.start);
            const sys_seconds hi = std::min(wa.end, wb.end);
            const std::string component = calendar::common_component(a.components, b.components);
            const std::string what = !component.empty() ? fmt::format("both deploy component {}", component)
                                                        : fmt::format("both deploy to {}", a.environment);
            add("window-overlap", Severity::error, {a.id, b.id},
                fmt::format("the change windows of releases {} ({}) and {} ({}) overlap by {} ({})", a.id,
                            calendar::window_text(wa), b.id, calendar::window_text(wb),
                            calendar::duration_text(hi - lo), what));
            return;
        }
        const Release& r = plan_.releases[o.first];
        const std::string where = (*o.key)[0] == 'c' ? fmt::format("component {}", o.key->substr(2))
                                                     : fmt::format("environment {}", o.key->substr(2));
        std::vector<std::string> ids;
        std::string names;
        for (std::size_t i = 0; i < o.named_count; ++i) {
            const Release& n = plan_.releases[o.named[i]];
            ids.push_back(n.id);
            if (&n != &r) names += (names.empty() ? "" : ", ") + n.id;
        }
        const std::size_t unnamed = o.count - (std::size_t(o.named_count) - 1);
        if (unnamed > 0) names += fmt::format("{}{} more", names.empty() ? "" : " and ", grouped(unnamed));
        add("window-overlap", Severity::error, std::move(ids),
            fmt::format("the change window of release {} ({}) overlaps {} other {} on {}: {}", r.id,
                        calendar::window_text(*r.change_window), grouped(o.count),
                        o.count == 1 ? "release" : "releases", where, names));
    }

    // One finding per live release of the cluster list[first, last): how many windows on the same
    // key overlap its own (counted by binary search over sorted starts and ends) and up to
    // named_max of them, taken from the windows that start next to it.
    void crowded(const std::string& key, const std::vector<const Release*>& list, std::size_t first,
                 std::size_t last, std::vector<Overlap>& found) {
        std::vector<sys_seconds> starts, ends;
        for (std::size_t i = first; i < last; ++i) {
            starts.push_back(list[i]->change_window->start);
            ends.push_back(list[i]->change_window->end);
        }
        std::sort(ends.begin(), ends.end());
        for (std::size_t i = first; i < last; ++i) {
            const Release& r = *list[i];
            if (!live(r)) continue;
            const ChangeWindow& w = *r.change_window;
            const auto started = std::lower_bound(starts.begin(), starts.end(), w.end) - starts.begin();
            const auto ended = std::upper_bound(ends.begin(), ends.end(), w.start) - ends.begin();
            const std::size_t count = std::size_t(started - ended) - 1;
            if (count == 0) continue;
            std::vector<const Release*> named;
            for (std::size_t j = i + 1; j < last && named.size() < named_max && list[j]->change_window->start < w.end; ++j)
                named.push_back(list[j]);
            for (std::size_t j = i, scanned = 0; j > first && named.size() < named_max && scanned < 4 * named_max;
                 --j, ++scanned)
                if (list[j - 1]->change_window->end > w.start) named.push_back(list[j - 1]);
            named.push_back(&r);
            std::sort(named.begin(), named.end(),
                      [&](const Release* a, const Release* b) { return position(*a) < position(*b); });
            Overlap o;
            o.first = position(r);
            o.second = crowded_mark;
            o.key = &key;
            o.count = count;
            for (const Release* n : named) o.named[o.named_count++] = std::uint32_t(position(*n));
            found.push_back(o);
        }
    }

    // Blackouts come from an index (calendar/period_index.hpp): each release costs a few binary
    // searches whatever the number of blackouts. Up to named_max blackouts are reported one finding
    // each (the release date and the change window together); beyond that the release date and the
    // change window get one finding each with the count and the first named_max blackouts.
    void blackouts(const Release& r) {
        if (!live(r)) return;
        std::optional<calendar::WindowDates> wd;
        if (r.change_window && r.change_window->end > r.change_window->start)
            wd = calendar::window_dates(*r.change_window, options_.zones);
        const std::size_t on_date = r.release_date ? blackouts_.count(r.components, *r.release_date, *r.release_date) : 0;
        const std::size_t on_window = wd ? blackouts_.count(r.components, wd->first, wd->last) : 0;
        if (on_date == 0 && on_window == 0) return;
        const std::string tail =
            urgent(r) ? fmt::format("; a {} release may need an emergency exception", to_string(r.type)) : std::string();
        const Severity severity = urgent(r) ? Severity::warning : Severity::error;
        const std::string date_text = r.release_date ? fmt::format("the release date {}", format_date(*r.release_date)) : "";
        const std::string window_text =
            wd ? fmt::format("the change window ({})", calendar::window_text(*r.change_window)) : "";
        if (on_date > named_max || on_window > named_max) {
            const auto summary = [&](const std::string& what, const Date& first, const Date& last, std::size_t n) {
                if (n == 0) return;
                std::string names;
                for (std::size_t i : blackouts_.find(r.components, first, last, named_max))
                    names += (names.empty() ? "" : ", ") + period_text(plan_.blackouts[i]);
                if (n > named_max) names += fmt::format(" and {} more", grouped(n - named_max));
                add("blackout", severity, {r.id},
                    fmt::format("release {}: {} falls in {} blackouts: {}{}", r.id, what, grouped(n), names, tail));
            };
            if (r.release_date) summary(date_text, *r.release_date, *r.release_date, on_date);
            if (wd) summary(window_text, wd->first, wd->last, on_window);
            return;
        }
        std::vector<std::size_t> hit_date, hit_window;
        if (on_date) hit_date = blackouts_.find(r.components, *r.release_date, *r.release_date, named_max);
        if (on_window) hit_window = blackouts_.find(r.components, wd->first, wd->last, named_max);
        std::sort(hit_date.begin(), hit_date.end());
        std::sort(hit_window.begin(), hit_window.end());
        std::vector<std::size_t> hits;
        std::set_union(hit_date.begin(), hit_date.end(), hit_window.begin(), hit_window.end(), std::back_inserter(hits));
        for (std::size_t i : hits) {
            const bool date_in = std::binary_search(hit_date.begin(), hit_date.end(), i);
            const bool window_in = std::binary_search(hit_window.begin(), hit_window.end(), i);
            std::string what = date_in ? date_text : "";
            if (date_in && window_in) what += " and ";
            if (window_in) what += window_text;
            add("blackout", severity, {r.id},
                fmt::format("release {}: {} {} in blackout {}{}", r.id, what, date_in && window_in ? "fall" : "falls",
                            period_text(plan_.blackouts[i]), tail));
        }
    }

    // Weekend (weekend == true) or holiday checks of the release date and the window's first day.
    void days_off(const Release& r, bool weekend) {
        if (!live(r) || urgent(r)) return;
        auto reason = [&](const Date& d) -> std::string {
            if (weekend) return is_weekend(d) ? fmt::format("a {}", weekday_name(d)) : std::string();
            // The earliest-starting applicable holiday names the day, as BusinessCalendar does.
            const std::vector<std::size_t> hit = holidays_.find(r.components, d, d, 1);
            return hit.empty() ? std::string() : fmt::format("the holiday '{}'", plan_.holidays[hit[0]].name);
        };
        const char* code = weekend ? "weekend" : "holiday";
        if (r.release_date) {
            const std::string why = reason(*r.release_date);
            if (!why.empty())
                add(code, Severity::warning, {r.id},
                    fmt::format("release {} is planned on {}, {}", r.id, format_date(*r.release_date), why));
        }
        if (r.change_window && r.change_window->end > r.change_window->start) {
            const Date first = calendar::window_dates(*r.change_window, options_.zones).first;
            const std::string why = reason(first);
            if (!why.empty())
                add(code, Severity::warning, {r.id},
                    fmt::format("the change window of release {} starts on {}, {}", r.id, format_date(first), why));
        }
    }

    void notice(const Release& r) {
        if (!live(r) || !r.release_date) return;
        const Date release = *r.release_date;
        const std::int32_t needed = milestone_offsets(plan_.settings, r.type).notice_days;
        std::optional<Date> first_announcement;
        for (const Communication& c : r.communications) {
            const std::optional<Date> when = c.sent_on ? c.sent_on : c.planned_on;
            if (when && when->ok() && (!first_announcement || *when < *first_announcement))
                first_announcement = *when;
        }
        if (needed > 0) {
            if (first_announcement) {
                const std::int64_t have = calendar::days_between(*first_announcement, release);
                if (have < needed)
                    add("notice-period", Severity::error, {r.id},
                        fmt::format("release {} ({}) on {} needs {}, but the first announcement "
                                    "is on {}, {} before",
                                    r.id, to_string(r.type), format_date(release), calendar::notice_text(needed),
                                    format_date(*first_announcement), days_text(have)));
            } else if (options_.today && *options_.today <= release) {
                const std::int64_t have = calendar::days_between(*options_.today, release);
                if (have < needed)
                    add("notice-period", Severity::error, {r.id},
                        fmt::format("release {} ({}) on {} needs {}; no announcement is planned "
                                    "and only {} remain from today ({})",
                                    r.id, to_string(r.type), format_date(release), calendar::notice_text(needed),
                                    days_text(have), format_date(*options_.today)));
            }
        }
        for (const Communication& c : r.communications) {
            if (!c.notice_days || *c.notice_days <= 0) continue;
            const std::optional<Date> when = c.sent_on ? c.sent_on : c.planned_on;
            if (!when || !when->ok()) continue;
            const std::int64_t have = calendar::days_between(*when, release);
            if (have >= *c.notice_days) continue;
            const std::string subject = c.subject.empty() ? std::string(to_string(c.channel)) : "'" + c.subject + "'";
            add("notice-period", Severity::warning, {r.id},
                fmt::format("communication {} of release {} is {} on {}, {} before the release; it needs {}",
                            subject, r.id, c.sent_on ? "sent" : "planned", format_date(*when), days_text(have),
                            days_text(*c.notice_days)));
        }
    }

    void milestone_order(const Release& r) {
        const std::pair<const char*, std::optional<Date>> seq[] = {{"planning start", r.planning_start},
                                                                   {"feature freeze", r.feature_freeze},
                                                                   {"code freeze", r.code_freeze},
                                                                   {"release date", r.release_date}};
        const std::pair<const char*, std::optional<Date>>* prev = nullptr;
        for (const auto& cur : seq) {
            if (!cur.second || !cur.second->ok()) continue;
            if (prev && *prev->second > *cur.second)
                add("milestone-order", Severity::error, {r.id},
                    fmt::format("release {}: the {} ({}) comes after the {} ({})", r.id, prev->first,
                                format_date(*prev->second), cur.first, format_date(*cur.second)));
            prev = &cur;
        }
    }

    // Per component: versions increase with release dates within each release line (a backport on
    // an older line is in order), and a release opening a line (2.0.0, 0.5.0, 1.4.0 on a declared
    // 1.4.x) must be newer than every version released before it. One finding per release.
    void version_order() {
        std::vector<LineRange> declared;
        for (const ReleaseLine& l : plan_.settings.release_lines)
            if (auto range = parse_release_line(l.line); range.ok()) declared.push_back(*range);
        std::map<std::string, std::vector<const Release*>> by_component;
        for (const Release* r : active_) {
            if (!r->release_date || r->version.empty()) continue;
            if (r->components.empty()) by_component[""].push_back(r);
            for (const std::string& c : r->components) by_component[c].push_back(r);
        }
        std::set<const Release*> reported;
        std::vector<std::pair<std::size_t, Finding>> found;  // keyed by the release's position
        const auto report = [&](const Release& prev, const Release& cur, const std::string& component,
                                std::string_view rule) {
            if (!reported.insert(&cur).second) return;
            const std::string where = component.empty() ? std::string("releases without a component")
                                                        : fmt::format("component {}", component);
            found.emplace_back(position(cur),
                               Finding{Severity::error, "version-order", ordered(prev, cur),
                                       fmt::format("release {} ({} on {}) is not newer than {} ({} on {}) on {}; {}",
                                                   cur.id, cur.version, format_date(*cur.release_date), prev.id,
                                                   prev.version, format_date(*prev.release_date), where, rule)});
        };
        for (auto& [component, list] : by_component) {
            std::stable_sort(list.begin(), list.end(), [](const Release* a, const Release* b) {
                return *a->release_date < *b->release_date;
            });
            // The last release seen on each line (CalVer and unparsable versions share line "").
            std::map<std::string, const Release*> last_on_line;
            const Release* newest_before = nullptr;  // newest SemVer version released on an earlier day
            const Release* newest_today = nullptr;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const Release& cur = *list[i];
                if (i > 0 && *list[i - 1]->release_date != *cur.release_date && newest_today) {
                    if (!newest_before || compare_versions(*newest_today, *newest_before).value_or(0) > 0)
                        newest_before = newest_today;
                    newest_today = nullptr;
                }
                auto v = cur.calver_scheme ? Result<Version>(make_error("")) : Version::parse(cur.version);
                const LineRange line = v.ok() ? line_of(*v, declared) : LineRange{};
                const std::string key = v.ok() ? to_string(line) : std::string();
                const Release*& prev = last_on_line[key];
                if (prev && *prev->release_date != *cur.release_date) {
                    const auto cmp = compare_versions(cur, *prev);
                    if (cmp && *cmp <= 0)
                        report(*prev, cur, component,
                               key.empty() ? std::string("versions must increase with release dates")
                                           : "versions must increase with release dates on line " + key);
                }
                const bool opens_line = v.ok() && v->patch() == 0 && (v->minor() == 0 || line.minor);
                if (opens_line && newest_before && compare_versions(cur, *newest_before).value_or(1) <= 0)
                    report(*newest_before, cur, component,
                           "a release opening line " + key + " must be newer than every version released before it");
                if (!prev || compare_versions(cur, *prev).value_or(1) > 0) prev = &cur;
                if (v.ok() && (!newest_today || compare_versions(cur, *newest_today).value_or(0) > 0)) newest_today = &cur;
            }
        }
        std::stable_sort(found.begin(), found.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [pos, f] : found) each_(std::move(f));
    }

    void freezes(const Release& r) {
        if (!live(r) || r.changes.empty()) return;
        const auto planned = calendar::planned_milestones(plan_, r, calendars_);
        for (std::size_t i = 0; i < r.changes.size(); ++i) {
            const Change& c = r.changes[i];
            if (!c.added_on || !c.added_on->ok()) continue;
            if (c.freeze_exception && !c.freeze_exception->approver.empty()) continue;
            const bool after_code = planned.code_freeze && *c.added_on > *planned.code_freeze;
            const bool after_feature = planned.feature_freeze && *c.added_on > *planned.feature_freeze;
            if (!after_code && !after_feature) continue;
            const std::string name = !c.id.empty() ? "change " + c.id : fmt::format("change {}", i + 1);
            const Date freeze = after_code ? *planned.code_freeze : *planned.feature_freeze;
            add("freeze-exception", after_code ? Severity::error : Severity::warning, {r.id},
                fmt::format("{} of release {} was added on {}, after the {} ({}), without an approved "
                            "freeze exception",
                            name, r.id, format_date(*c.added_on), after_code ? "code freeze" : "feature freeze",
                            format_date(freeze)));
        }
    }

    // unknown-zone findings (gaps == false), or dst-gap ones.
    void zones(const Release& r, bool gaps) {
        if (!r.change_window || r.change_window->zone.empty() || !options_.zones) return;
        auto z = options_.zones->zone(r.change_window->zone);
        if (!z) {
            if (!gaps)
                add("unknown-zone", Severity::warning, {r.id},
                    fmt::format("the change window of release {}: {}; its dates are taken in UTC", r.id,
                                z.error().message));
            return;
        }
        if (!gaps) return;
        if (auto m = calendar::dst_gap_message(r, calendar::WindowEdge::start, *z))
            add("dst-gap", Severity::warning, {r.id}, std::move(*m));
        if (r.change_window->end <= r.change_window->start) return;
        if (auto m = calendar::dst_gap_message(r, calendar::WindowEdge::end, *z))
            add("dst-gap", Severity::warning, {r.id}, std::move(*m));
    }

    std::size_t position(const Release& r) const {
        return std::size_t(&r - plan_.releases.data());
    }
    std::vector<std::string> ordered(const Release& a, const Release& b) const {
        if (position(a) < position(b)) return {a.id, b.id};
        return {b.id, a.id};
    }

    const Plan& plan_;
    const ConflictOptions& options_;
    const std::function<void(Finding&&)>& each_;
    std::vector<const Release*> active_;
    PeriodIndex blackouts_{plan_.blackouts};
    PeriodIndex holidays_{plan_.holidays};
    BusinessCalendars calendars_{plan_.holidays};
};

}  // namespace

void find_conflicts(const Plan& plan, const ConflictOptions& options, const std::function<void(Finding&&)>& each) {
    Checker(plan, options, each).run();
}

std::vector<Finding> find_conflicts(const Plan& plan, const ConflictOptions& options) {
    std::vector<Finding> out;
    find_conflicts(plan, options, [&](Finding&& f) { out.push_back(std::move(f)); });
    return out;
}

}  // namespace relplan
