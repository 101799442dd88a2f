#include "calendar/ical.hpp"

#include "calendar/business_days.hpp"
#include "calendar/milestones.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "lifecycle/support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace relplan {

using namespace std::chrono;

namespace {

const char* ics_escape(char c) {
    switch (c) {
        case '\\': return "\\\\";
        case ';': return "\\;";
        case ',': return "\\,";
        case '\n': return "\\n";
        default: return nullptr;
    }
}

}  // namespace

std::string ics_escape_text(std::string_view text) { return escape_bytes(text, ics_escape); }

namespace {

// Appends `line` folded (see ics_fold_line) to `out`; the export writes every line through here.
void append_folded(std::string& out, std::string_view line) {
    constexpr std::size_t kMaxOctets = 75;
    if (line.size() <= kMaxOctets) {  // most lines: nothing to fold
        out.append(line);
        out += "\r\n";
        return;
    }
    std::size_t i = 0;
    std::size_t start = 0;               // first octet of the current physical line's content
    std::size_t room = kMaxOctets;       // octets left on the current physical line
    while (i < line.size()) {
        std::size_t n = utf8::sequence_length(line, i);
        if (n == 0) n = 1;  // a stray byte travels alone; it cannot be split anyway
        if (n > room) {
            out.append(line.substr(start, i - start));
            out += "\r\n ";
            start = i;
            room = kMaxOctets - 1;
        }
        room -= n;
        i += n;
    }
    out.append(line.substr(start));
    out += "\r\n";
}

}  // namespace

std::string ics_fold_line(std::string_view line) {
    std::string out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    append_folded(out, line);
    return out;
}

namespace {

std::string ics_date(const Date& d) {
    return fmt::format("{:04}{:02}{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

std::string ics_time_of_day(seconds tod) {
    hh_mm_ss<seconds> h{tod};
    return fmt::format("T{:02}{:02}{:02}", h.hours().count(), h.minutes().count(), h.seconds().count());
}

std::string ics_utc(sys_seconds t) {
    const sys_days day = floor<days>(t);
    return ics_date(Date{day}) + ics_time_of_day(t - day) + "Z";
}

std::string ics_local(local_seconds t) {
    const local_days day = floor<days>(t);
    return ics_date(Date{sys_days{day.time_since_epoch()}}) + ics_time_of_day(t - day);
}

std::string ics_offset(seconds off) {
    const char sign = off < seconds{0} ? '-' : '+';
    const std::int64_t a = off.count() < 0 ? -off.count() : off.count();
    if (a % 60 != 0) return fmt::format("{}{:02}{:02}{:02}", sign, a / 3600, a / 60 % 60, a % 60);
    return fmt::format("{}{:02}{:02}", sign, a / 3600, a / 60 % 60);
}

// UID parts keep letters, digits, '.', '_' and '-'; anything else is percent-encoded so distinct
// ids never collapse into one UID.
std::string uid_part(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
            c == '_' || c == '-')
            out += char(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

std::string text_value(std::string_view s) { return ics_escape_text(clean_text(s)); }

std::string capitalized(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

std::string release_label(const Release& r) {
    if (!r.name.empty()) return r.name;
    if (!r.version.empty()) return r.version;
    return r.id;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

struct Event {
    std::string uid;
    std::vector<std::string> lines;  // properties between DTSTAMP and END:VEVENT, unfolded
};

class Calendar {
public:
    Calendar(const Plan& plan, const IcsExportOptions& options) : plan_(plan), options_(options) {
        // The id survives renaming; without one the name keeps the UIDs of earlier exports.
        const std::string& domain = !plan.project.id.empty() ? plan.project.id : plan.project.name;
        project_ = uid_part(domain.empty() ? std::string("plan") : domain);
        stamp_ = "DTSTAMP:" + ics_utc(options.dtstamp);
    }

    void add_release(const Release& r) {
        if (!r.release_date) return;
        const std::string who = fmt::format("release {}", r.id);
        if (auto ok = check_date(*r.release_date, who + " release date"); !ok) {
            warnings_.push_back(ok.error().message + "; not exported");
            return;
        }
        const Date day = *r.release_date;
        const std::string label = release_label(r);

        std::string description = fmt::format("Release: {}", r.id);
        if (!r.version.empty()) description += fmt::format("\nVersion: {}", r.version);
        description += fmt::format("\nType: {}\nStatus: {}", to_string(r.type), to_string(r.status));
        if (!r.components.empty()) description += "\nComponents: " + join(r.components, ", ");
        if (!r.environment.empty()) description += "\nEnvironment: " + r.environment;

        Event e = all_day("release", r.id, day, day, "Release " + label, description, "Release");
        e.lines.push_back(r.status == ReleaseStatus::cancelled ? "STATUS:CANCELLED"
                          : r.status == ReleaseStatus::planning ? "STATUS:TENTATIVE"
                                                                : "STATUS:CONFIRMED");
        emit(e);

        // A shipped release keeps the milestones it recorded; computing more would invent history.
        const bool shipped = r.status == ReleaseStatus::released || r.status == ReleaseStatus::rolled_back;
        std::optional<MilestoneSchedule> computed;
        if (!shipped) {
            auto c = compute_milestones(day, milestone_offsets(plan_.settings, r.type), business_calendar(r));
            if (c) computed = std::move(*c);
            else warnings_.push_back(fmt::format("{}: {}", who, c.error().message));
        }
        const std::pair<MilestoneKind, std::optional<Date>> kinds[] = {
            {MilestoneKind::planning_start, r.planning_start},
            {MilestoneKind::notice_deadline, std::nullopt},
            {MilestoneKind::feature_freeze, r.feature_freeze},
            {MilestoneKind::code_freeze, r.code_freeze},
        };
        for (const auto& [kind, stored] : kinds) {
            std::optional<Date> date = stored;
            std::string note;
            if (!date && computed) {
                date = computed->at(kind).date;
                note = computed->at(kind).note;
            }
            if (!date || *date == day) continue;
            if (auto ok = check_date(*date, fmt::format("{} {}", who, milestone_label(kind))); !ok) {
                warnings_.push_back(ok.error().message + "; not exported");
                continue;
            }
            std::string desc = fmt::format("{} for release {} ({}) of {}",
                                           capitalized(milestone_label(kind)), r.id, label,
                                           format_date(day));
            if (!note.empty()) desc += "\n" + capitalized(note);
            emit(all_day(std::string(to_string(kind)), r.id, *date, *date,
                         capitalized(milestone_label(kind)) + ": " + label, desc, "Milestone"));
        }
        if (r.change_window) add_window(r, label);
    }

    void add_blackout(const Period& p, std::size_t index) {
        const std::string who = fmt::format("blackout {} ({})", index + 1, p.name);
        if (auto ok = check_date(p.start, who + " start"); !ok) {
            warnings_.push_back(ok.error().message + "; not exported");
            return;
        }
        if (auto ok = check_date(p.end, who + " end"); !ok) {
            warnings_.push_back(ok.error().message + "; not exported");
            return;
        }
        if (p.end < p.start) {
            warnings_.push_back(fmt::format("{} ends ({}) before it starts ({}); not exported", who,
                                            format_date(p.end), format_date(p.start)));
            return;
        }
        std::string desc = "No deployments";
        desc += p.components.empty() ? " (all components)" : " for " + join(p.components, ", ");
        emit(all_day("blackout", format_date(p.start) + "-" + p.name, p.start, p.end,
                     p.name.empty() ? std::string("Blackout") : "Blackout: " + p.name, desc, "Blackout"));
    }

    // The end of active support and the end of life of each line (dates are exclusive ends: the
    // event sits on the first day of the next phase).
    void add_support(const SupportReport& report) {
        const auto in_range = [this](const Date& date, const std::string& what) {
            auto ok = check_date(date, what);
            if (!ok) warnings_.push_back(ok.error().message + "; not exported");
            return bool(ok);
        };
        for (const LineSchedule& s : report.lines) {
            const bool active_ends = s.active_until && (!s.eol || *s.active_until < *s.eol);
            if (active_ends && in_range(*s.active_until, s.line + " end of active support")) {
                std::string desc = fmt::format("Active support of {} ends: from {} it takes fixes only", s.line,
                                               format_date(*s.active_until));
                if (s.eol) desc += fmt::format(" (maintenance until its end of life on {})", format_date(*s.eol));
                emit(all_day("support-active-end", s.line, *s.active_until, *s.active_until,
                             "Active support ends: " + s.line + (s.lts ? " (LTS)" : ""), desc + ".", "Support"));
            }
            if (s.eol && in_range(*s.eol, s.line + " end of life")) {
                std::string desc = fmt::format("{} reaches end of life: no releases from {} on", s.line,
                                               format_date(*s.eol));
                if (!s.latest.empty()) desc += fmt::format("; the latest release is {}", s.latest);
                emit(all_day("support-eol", s.line, *s.eol, *s.eol,
                             "End of life: " + s.line + (s.lts ? " (LTS)" : ""), desc + ".", "Support"));
            }
        }
    }

    // The calendar: header and time zones (known only once every event is written) before the
    // events, which were folded into body_ as they came.
    std::string finish() {
        body_.insert(0, head());  // in place when the body's spare capacity allows: no second copy
        append_folded(body_, "END:VCALENDAR");
        return std::move(body_);
    }

    // Streaming: pass 1 (discard) only learns the zones and warnings; pass 2 writes head() and then
    // each event to the sink as it comes, never holding more than a piece of the text.
    void stream_to(const std::function<void(std::string_view)>* sink, bool discard) {
        sink_ = sink;
        discard_ = discard;
    }
    void finish_stream() {
        append_folded(body_, "END:VCALENDAR");
        (*sink_)(body_);
        body_.clear();
    }

    // BEGIN:VCALENDAR and the calendar's properties, then a VTIMEZONE per zone the events use.
    std::string head() const {
        std::string head;
        auto put = [&](std::string_view line) { append_folded(head, line); };
        put("BEGIN:VCALENDAR");
        put("VERSION:2.0");
        put("PRODID:-//relplan//relplan release planner//EN");
        put("CALSCALE:GREGORIAN");
        put("METHOD:PUBLISH");
        if (!plan_.project.name.empty()) put("X-WR-CALNAME:" + text_value(plan_.project.name));
        // The calendar's default zone for calendar apps (Google, Apple, Outlook read it); events keep
        // their own times.
        if (!plan_.project.time_zone.empty()) put("X-WR-TIMEZONE:" + text_value(plan_.project.time_zone));
        for (const auto& [name, span] : zones_) put_vtimezone(put, name, span.first, span.second);
        return head;
    }

    std::vector<std::string> take_warnings() { return std::move(warnings_); }

private:
    // Each clash continues from the last suffix its base handed out, so n copies of one id cost
    // O(n) lookups, not O(n^2). The set holds 64-bit hashes of the UIDs handed out, not the strings
    // (a 100k-release plan has half a million events): equal UIDs have equal hashes, so every UID
    // stays unique; a false clash (odds about 1e-8 at a million events) only adds a suffix. The hash
    // is our own so both targets write the same calendar.
    std::string unique_uid(const std::string& kind, std::string_view id) {
        std::string base = kind + "-" + uid_part(id) + "@" + project_ + ".relplan";
        if (uids_.insert(uid_hash(base)).second) return base;
        int& n = next_suffix_[base];
        if (n < 2) n = 1;
        std::string uid;
        do uid = fmt::format("{}-{}", base, ++n);
        while (!uids_.insert(uid_hash(uid)).second);
        return uid;
    }

    // FNV-1a, 64 bits, finished with a murmur3 mix so that the set's buckets spread evenly.
    static std::uint64_t uid_hash(std::string_view text) {
        std::uint64_t h = 14695981039346656037ull;
        for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        return h;
    }

    // Holidays that apply to a release depend only on its components: one calendar per set.
    const BusinessCalendar& business_calendar(const Release& r) { return calendars_.for_components(r.components); }

    void emit(const Event& e) {
        append_folded(body_, "BEGIN:VEVENT");
        append_folded(body_, "UID:" + text_value(e.uid));
        append_folded(body_, stamp_);
        for (const auto& l : e.lines) append_folded(body_, l);
        append_folded(body_, "END:VEVENT");
        if (discard_) {
            body_.clear();
        } else if (sink_ != nullptr && body_.size() >= (64 << 10)) {
            (*sink_)(body_);
            body_.clear();
        }
    }

    Event all_day(const std::string& kind, std::string_view id, const Date& first, const Date& last,
                  const std::string& summary, const std::string& description,
                  std::string_view category) {
        Event e{unique_uid(kind, id), {}};
        e.lines.push_back("DTSTART;VALUE=DATE:" + ics_date(first));
        // DTEND is exclusive; after 9999-12-31 it has no four-digit year, so say the length instead.
        if (last < max_supported_date)
            e.lines.push_back("DTEND;VALUE=DATE:" + ics_date(Date{sys_days{last} + days{1}}));
        else
            e.lines.push_back(fmt::format("DURATION:P{}D", (sys_days{last} - sys_days{first}).count() + 1));
        e.lines.push_back("SUMMARY:" + text_value(summary));
        e.lines.push_back("DESCRIPTION:" + text_value(description));
        e.lines.push_back(fmt::format("CATEGORIES:{}", category));
        e.lines.push_back("TRANSP:TRANSPARENT");
        return e;
    }

    void add_window(const Release& r, const std::string& label) {
        const ChangeWindow& w = *r.change_window;
        const std::string who = fmt::format("release {} change window", r.id);
        if (w.end <= w.start) {
            warnings_.push_back(fmt::format("{} ends ({}) {} it starts ({}); not exported", who,
                                            format_utc(w.end), w.end == w.start ? "when" : "before",
                                            format_utc(w.start)));
            return;
        }
        if (w.start < min_supported_instant() || w.end > max_supported_instant()) {
            warnings_.push_back(who + " lies outside 1900..9999; not exported");
            return;
        }
        std::optional<TimeZone> zone;
        if (options_.times == IcsTimes::zoned && !w.zone.empty()) {
            if (!options_.zones) {
                warnings_.push_back(who + ": no zone database available; written in UTC");
            } else if (auto z = options_.zones->zone(w.zone); !z) {
                warnings_.push_back(fmt::format("{}: {}; written in UTC", who, z.error().message));
            } else {
                zone = *z;
            }
        }
        Event e{unique_uid("change-window", r.id), {}};
        e.lines.push_back(timed("DTSTART", w.start, zone));
        e.lines.push_back(timed("DTEND", w.end, zone));
        e.lines.push_back("SUMMARY:" + text_value("Change window: " + label));
        std::string desc = fmt::format("Release: {}", r.id);
        if (!r.environment.empty()) desc += "\nEnvironment: " + r.environment;
        if (!w.zone.empty()) desc += "\nZone: " + w.zone;
        e.lines.push_back("DESCRIPTION:" + text_value(desc));
        e.lines.push_back("CATEGORIES:Change window");
        e.lines.push_back("TRANSP:OPAQUE");
        emit(e);
    }

    std::string timed(std::string_view prop, sys_seconds t, const std::optional<TimeZone>& zone) {
        if (zone) {
            auto local = zone->to_local(t);
            // A local time that reads back as another instant (the second pass through an overlap)
            // would be misread by every client; UTC says it exactly.
            if (local) {
                auto back = zone->to_utc(local->local);
                if (back && back->utc == t) {
                    auto [span, added] = zones_.try_emplace(zone->name(), t, t);
                    span->second.first = std::min(span->second.first, t);
                    span->second.second = std::max(span->second.second, t);
                    zone_objects_.emplace(zone->name(), *zone);
                    return fmt::format("{};TZID={}:{}", prop, zone->name(), ics_local(local->local));
                }
            }
        }
        return fmt::format("{}:{}", prop, ics_utc(t));
    }

    template <class Put>
    void put_vtimezone(Put& put, const std::string& name, sys_seconds first, sys_seconds last) const {
        const TimeZone& z = zone_objects_.at(name);
        // Whole years, one either side: covers every event and clients that move one across a
        // switch, and reads naturally (the first observance starts on January 1).
        const auto year_start = [](int y) { return sys_seconds{sys_days{year{y} / January / 1}}; };
        const int first_year = int(year_month_day{floor<days>(first)}.year());
        const int last_year = int(year_month_day{floor<days>(last)}.year());
        const sys_seconds lo = std::max(min_supported_instant(), year_start(first_year - 1));
        const sys_seconds hi = last_year + 2 > 9999 ? max_supported_instant() : year_start(last_year + 2);
        put("BEGIN:VTIMEZONE");
        put("TZID:" + name);
        auto observance = [&](const ZoneState& from, const ZoneState& to, local_seconds onset) {
            const char* kind = to.is_dst ? "DAYLIGHT" : "STANDARD";
            put(fmt::format("BEGIN:{}", kind));
            put("DTSTART:" + ics_local(onset));
            put("TZOFFSETFROM:" + ics_offset(from.utc_offset));
            put("TZOFFSETTO:" + ics_offset(to.utc_offset));
            if (!to.abbreviation.empty()) put("TZNAME:" + text_value(to.abbreviation));
            put(fmt::format("END:{}", kind));
        };
        const ZoneState start = z.state_at(lo);
        observance(start, start, local_seconds{lo.time_since_epoch()});
        for (const ZoneTransition& t : z.transitions(lo, hi))
            observance(t.before, t.after,
                       local_seconds{t.at.time_since_epoch() + t.before.utc_offset});
        put("END:VTIMEZONE");
    }

    const Plan& plan_;
    const IcsExportOptions& options_;
    std::string project_;
    std::string stamp_;  // the DTSTAMP line, the same for every event
    std::string body_;   // the events so far, folded
    std::unordered_set<std::uint64_t> uids_;
    std::unordered_map<std::string, int> next_suffix_;
    BusinessCalendars calendars_{plan_.holidays};
    std::map<std::string, std::pair<sys_seconds, sys_seconds>> zones_;
    std::map<std::string, TimeZone> zone_objects_;
    std::vector<std::string> warnings_;
    const std::function<void(std::string_view)>* sink_ = nullptr;
    bool discard_ = false;
};

void add_events(Calendar& cal, const Plan& plan, const IcsExportOptions& options) {
    for (const Release& r : plan.releases) cal.add_release(r);
    for (std::size_t i = 0; i < plan.blackouts.size(); ++i) cal.add_blackout(plan.blackouts[i], i);
    if (options.support_phases && has_support_policy(plan)) cal.add_support(support_report(plan, Date{floor<days>(options.dtstamp)}));
}

}  // namespace

IcsExport export_ics(const Plan& plan, const IcsExportOptions& options) {
    Calendar cal(plan, options);
    add_events(cal, plan, options);
    IcsExport out;
    out.text = cal.finish();
    out.warnings = cal.take_warnings();
    return out;
}

std::vector<std::string> write_ics(const Plan& plan, const IcsExportOptions& options,
                                   const std::function<void(std::string_view)>& sink) {
    Calendar zones(plan, options);
    zones.stream_to(nullptr, true);
    add_events(zones, plan, options);
    sink(zones.head());
    Calendar events(plan, options);
    events.stream_to(&sink, false);
    add_events(events, plan, options);
    events.finish_stream();
    return zones.take_warnings();
}

}  // namespace relplan
