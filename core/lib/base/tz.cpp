#include "base/tz.hpp"

#include "base/assets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace relplan {

using namespace std::chrono;

namespace detail {

// A POSIX TZ rule date: Jn (1..365, Feb 29 never counted), n (0..365), or Mm.w.d.
struct RuleDate {
    enum class Kind : std::uint8_t { julian_no_leap, day_of_year, month_week_day };
    Kind kind = Kind::day_of_year;
    int n = 0;
    int month = 1;
    int week = 1;
    int weekday = 0;
    seconds time{7200};  // local time of day, may be negative or beyond 24h (RFC 8536 3.3.1)
};

struct PosixRule {
    ZoneState standard;
    bool has_dst = false;
    ZoneState dst;
    RuleDate start;  // enters DST, written in standard time
    RuleDate end;    // leaves DST, written in DST
};

struct ZoneRules {
    std::vector<ZoneState> types;  // types[0] holds before the first transition
    std::vector<std::int64_t> times;
    std::vector<std::uint8_t> type_of;  // parallel to times
    bool has_footer = false;
    PosixRule footer;  // governs instants at/after the last transition
};

}  // namespace detail

namespace {

using detail::PosixRule;
using detail::RuleDate;
using detail::ZoneRules;

constexpr std::int64_t kMinInstant = -2208988800;   // 1900-01-01T00:00:00Z
constexpr std::int64_t kMaxInstant = 253402300799;  // 9999-12-31T23:59:59Z
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kMaxUtcOffset = 26 * 3600;

std::int64_t clamp_instant(std::int64_t t) { return std::clamp(t, kMinInstant, kMaxInstant); }

// The error for a time (`what`: "instant", "local time") outside kMinInstant..kMaxInstant; nullopt
// inside.
std::optional<Error> outside_supported_range(std::string_view what, std::int64_t t) {
    if (t >= kMinInstant && t <= kMaxInstant) return std::nullopt;
    return make_error(fmt::format("{} {} s since 1970 is outside the supported range 1900-01-01..9999-12-31", what, t));
}

int year_of(std::int64_t t) {
    return int(year_month_day{sys_days{days{t >= 0 ? t / kDay : -((-t + kDay - 1) / kDay)}}}.year());
}

// ---- POSIX TZ footer rules ----------------------------------------------------------------------

class PosixParser {
public:
    explicit PosixParser(std::string_view text) : s_(text) {}

    Result<PosixRule> parse() {
        PosixRule rule;
        if (!abbreviation(rule.standard.abbreviation)) return fail("standard-time abbreviation");
        std::int64_t off = 0;
        if (!offset(24, off)) return fail("standard-time offset");
        rule.standard.utc_offset = seconds{-off};
        if (at_end()) return rule;
        rule.has_dst = true;
        rule.dst.is_dst = true;
        if (!abbreviation(rule.dst.abbreviation)) return fail("DST abbreviation");
        rule.dst.utc_offset = rule.standard.utc_offset + hours{1};
        if (!at_end() && peek() != ',') {
            if (!offset(24, off)) return fail("DST offset");
            rule.dst.utc_offset = seconds{-off};
        }
        if (at_end()) return fail("rule (a zone with DST needs ',start,end')");
        if (!eat(',') || !date(rule.start)) return fail("DST start rule");
        if (!eat(',') || !date(rule.end)) return fail("DST end rule");
        if (!at_end()) return fail("end of rule");
        return rule;
    }

private:
    Error fail(const char* expected) const {
        return make_error(fmt::format("POSIX TZ rule '{}': expected {} at character {}", s_,
                                      expected, pos_ + 1),
                          pos_);
    }
    bool at_end() const { return pos_ >= s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[pos_]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    static bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }

    bool abbreviation(std::string& out) {
        std::size_t start = pos_;
        if (eat('<')) {
            while (!at_end() && (is_alpha(peek()) || is_digit(peek()) || peek() == '+' ||
                                 peek() == '-'))
                ++pos_;
            out.assign(s_.substr(start + 1, pos_ - start - 1));
            if (!eat('>')) return false;
        } else {
            while (is_alpha(peek())) ++pos_;
            out.assign(s_.substr(start, pos_ - start));
        }
        return out.size() >= 3;
    }
    bool number(int max, int& out) {
        std::size_t start = pos_;
        out = 0;
        while (is_digit(peek()) && pos_ - start < 3) out = out * 10 + (s_[pos_++] - '0');
        return pos_ > start && out <= max;
    }
    // [+-]hh[:mm[:ss]] in seconds; positive means west of Greenwich in POSIX.
    bool offset(int max_hours, std::int64_t& out) {
        int sign = 1;
        if (eat('-'))
            sign = -1;
        else
            eat('+');
        int h = 0, m = 0, sec = 0;
        if (!number(max_hours, h)) return false;
        if (eat(':') && (!number(59, m) || (eat(':') && !number(59, sec)))) return false;
        out = sign * (std::int64_t{h} * 3600 + m * 60 + sec);
        return true;
    }
    bool date(RuleDate& d) {
        if (eat('M')) {
            d.kind = RuleDate::Kind::month_week_day;
            if (!number(12, d.month) || d.month < 1 || !eat('.') || !number(5, d.week) ||
                d.week < 1 || !eat('.') || !number(6, d.weekday))
                return false;
        } else if (eat('J')) {
            d.kind = RuleDate::Kind::julian_no_leap;
            if (!number(365, d.n) || d.n < 1) return false;
        } else {
            d.kind = RuleDate::Kind::day_of_year;
            if (!number(365, d.n)) return false;
        }
        if (eat('/')) {
            std::int64_t t = 0;
            if (!offset(167, t)) return false;
            d.time = seconds{t};
        }
        return true;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

sys_days rule_day(const RuleDate& d, int y) {
    year yr{y};
    switch (d.kind) {
        case RuleDate::Kind::julian_no_leap:
            return sys_days{yr / January / 1} + days{d.n - 1 + (yr.is_leap() && d.n >= 60 ? 1 : 0)};
        case RuleDate::Kind::day_of_year:
            return sys_days{yr / January / 1} + days{d.n};
        case RuleDate::Kind::month_week_day:
            break;
    }
    month m{unsigned(d.month)};
    weekday wd{unsigned(d.weekday)};
    if (d.week == 5) return sys_days{yr / m / wd[last]};
    return sys_days{yr / m / wd[unsigned(d.week)]};
}

// The rule's two switches in year y as (instant, enters_dst), ordered; when both fall on one
// instant (all-year DST written as "0/0,J365/25") the end comes first so DST persists.
std::array<std::pair<std::int64_t, bool>, 2> rule_switches(const PosixRule& r, int y) {
    std::int64_t start = (rule_day(r.start, y).time_since_epoch().count()) * kDay +
                         r.start.time.count() - r.standard.utc_offset.count();
    std::int64_t end = (rule_day(r.end, y).time_since_epoch().count()) * kDay + r.end.time.count() -
                       r.dst.utc_offset.count();
    if (start < end) return {{{start, true}, {end, false}}};
    return {{{end, false}, {start, true}}};
}

const ZoneState& rule_state(const PosixRule& r, std::int64_t t) {
    if (!r.has_dst) return r.standard;
    const int y = year_of(t);
    bool in_dst = false;
    for (int yy = y - 1; yy <= y + 1; ++yy)
        for (const auto& [at, enters] : rule_switches(r, yy))
            if (at <= t) in_dst = enters;
    return in_dst ? r.dst : r.standard;
}

const ZoneState& state_of(const ZoneRules& z, std::int64_t t) {
    t = clamp_instant(t);
    if (z.times.empty()) return z.has_footer ? rule_state(z.footer, t) : z.types[0];
    if (t < z.times.front()) return z.types[0];
    auto idx = std::size_t(std::upper_bound(z.times.begin(), z.times.end(), t) - z.times.begin()) - 1;
    if (idx + 1 == z.times.size() && z.has_footer) return rule_state(z.footer, t);
    return z.types[z.type_of[idx]];
}

// ---- database reading ---------------------------------------------------------------------------

class Reader {
public:
    Reader(std::string_view b, std::size_t start) : b_(b), pos_(start) {}

    bool failed() const { return failed_; }
    const Error& error() const { return error_; }
    std::size_t remaining() const { return b_.size() - pos_; }
    std::size_t pos() const { return pos_; }

    void fail(const std::string& what) {
        if (failed_) return;
        failed_ = true;
        error_ = make_error(fmt::format("zone database: {} at byte {}", what, pos_), pos_);
    }
    std::uint64_t uvar(const char* what) {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (failed_) return 0;
            if (pos_ >= b_.size()) {
                fail(fmt::format("truncated {}", what));
                return 0;
            }
            auto c = static_cast<unsigned char>(b_[pos_++]);
            v |= std::uint64_t(c & 0x7f) << shift;
            if (!(c & 0x80)) return v;
        }
        fail(fmt::format("overlong number in {}", what));
        return 0;
    }
    std::int64_t svar(const char* what) {
        std::uint64_t u = uvar(what);
        return (u & 1) ? -std::int64_t(u >> 1) - 1 : std::int64_t(u >> 1);
    }
    // A count of items that each take at least `min_bytes`: larger counts cannot be genuine.
    std::uint64_t count(const char* what, std::uint64_t min_bytes) {
        std::uint64_t n = uvar(what);
        if (!failed_ && n > remaining() / min_bytes) fail(fmt::format("{} {} is too large", what, n));
        return failed_ ? 0 : n;
    }
    std::string_view bytes(std::uint64_t n, const char* what) {
        if (failed_) return {};
        if (n > remaining()) {
            fail(fmt::format("truncated {}", what));
            return {};
        }
        auto s = b_.substr(pos_, std::size_t(n));
        pos_ += std::size_t(n);
        return s;
    }
    std::string_view text(std::uint64_t max_len, const char* what) {
        std::uint64_t n = uvar(what);
        if (!failed_ && n > max_len) fail(fmt::format("{} of {} bytes is too long", what, n));
        return bytes(n, what);
    }

private:
    std::string_view b_;
    std::size_t pos_;
    bool failed_ = false;
    Error error_;
};

bool valid_abbreviation(std::string_view a) {
    if (a.empty() || a.size() > 16) return false;
    return std::all_of(a.begin(), a.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '+' || c == '-';
    });
}

std::shared_ptr<const ZoneRules> read_zone(Reader& r, std::size_t index) {
    auto z = std::make_shared<ZoneRules>();
    const std::size_t record_start = r.pos();
    auto bad = [&](const std::string& what) {
        r.fail(fmt::format("zone record {} (starting at byte {}): {}", index, record_start, what));
        return nullptr;
    };
    std::uint64_t ntypes = r.count("time-type count", 3);
    if (r.failed()) return nullptr;
    if (ntypes == 0 || ntypes > 255) return bad(fmt::format("{} time types", ntypes));
    for (std::uint64_t i = 0; i < ntypes; ++i) {
        ZoneState s;
        std::int64_t off = r.svar("UTC offset");
        std::string_view flag = r.bytes(1, "DST flag");
        std::string_view abbr = r.text(16, "abbreviation");
        if (r.failed()) return nullptr;
        if (off <= -kMaxUtcOffset || off >= kMaxUtcOffset)
            return bad(fmt::format("UTC offset {} s is out of range", off));
        if (flag[0] != 0 && flag[0] != 1) return bad("DST flag is neither 0 nor 1");
        if (!valid_abbreviation(abbr)) return bad("malformed abbreviation");
        s.utc_offset = seconds{off};
        s.is_dst = flag[0] == 1;
        s.abbreviation.assign(abbr);
        z->types.push_back(std::move(s));
    }
    std::uint64_t ntimes = r.count("transition count", 2);
    if (r.failed()) return nullptr;
    constexpr std::int64_t kTimeLimit = std::int64_t{1} << 40;  // ~ +-34,800 years
    std::int64_t t = 0;
    for (std::uint64_t i = 0; i < ntimes; ++i) {
        if (i == 0) {
            t = r.svar("transition time");
        } else {
            std::uint64_t delta = r.uvar("transition time");
            if (!r.failed() && (delta == 0 || delta > std::uint64_t(kTimeLimit)))
                return bad("transition times are not increasing");
            t += std::int64_t(delta);
        }
        if (r.failed()) return nullptr;
        if (t < -kTimeLimit || t > kTimeLimit) return bad("transition time out of range");
        z->times.push_back(t);
    }
    std::string_view idx = r.bytes(ntimes, "transition types");
    if (r.failed()) return nullptr;
    for (char c : idx) {
        auto i = static_cast<unsigned char>(c);
        if (i >= ntypes) return bad(fmt::format("transition uses undefined time type {}", i));
        z->type_of.push_back(i);
    }
    std::string_view footer = r.text(64, "footer");
    if (r.failed()) return nullptr;
    if (!footer.empty()) {
        auto rule = PosixParser(footer).parse();
        if (!rule) return bad(rule.error().message);
        z->has_footer = true;
        z->footer = std::move(*rule);
    }
    return z;
}

std::string quoted_for_message(std::string_view s) {
    constexpr std::size_t kMax = 80;
    std::string out = "'";
    out += s.substr(0, kMax);
    if (s.size() > kMax) out += "...";
    out += "'";
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

std::string abbreviation_or_offset(const ZoneState& s) {
    return s.abbreviation.empty() ? format_utc_offset(s.utc_offset) : s.abbreviation;
}

std::string hh_mm(local_seconds t) {
    auto tod = t - floor<days>(t);
    hh_mm_ss<seconds> hms{tod};
    if (hms.seconds().count() != 0)
        return fmt::format("{:02}:{:02}:{:02}", hms.hours().count(), hms.minutes().count(),
                           hms.seconds().count());
    return fmt::format("{:02}:{:02}", hms.hours().count(), hms.minutes().count());
}

}  // namespace

// ---- TimeZone -----------------------------------------------------------------------------------

TimeZone::TimeZone(std::string name, std::shared_ptr<const detail::ZoneRules> rules)
    : name_(std::move(name)), rules_(std::move(rules)) {}

TimeZone TimeZone::utc() {
    static const auto rules = [] {
        auto z = std::make_shared<ZoneRules>();
        z->types.push_back(ZoneState{seconds{0}, false, "UTC"});
        return std::shared_ptr<const ZoneRules>(std::move(z));
    }();
    return TimeZone("UTC", rules);
}

ZoneState TimeZone::state_at(sys_seconds t) const {
    return state_of(*rules_, t.time_since_epoch().count());
}

std::vector<ZoneTransition> TimeZone::transitions(sys_seconds from, sys_seconds to,
                                                  std::size_t limit) const {
    const ZoneRules& z = *rules_;
    const std::int64_t lo = clamp_instant(from.time_since_epoch().count());
    const std::int64_t hi = clamp_instant(to.time_since_epoch().count());
    std::vector<std::int64_t> candidates;
    for (std::int64_t t : z.times)
        if (t >= lo && t < hi) candidates.push_back(t);
    if (z.has_footer && z.footer.has_dst && lo < hi) {
        const std::int64_t footer_from = z.times.empty() ? lo : std::max(lo, z.times.back() + 1);
        if (footer_from < hi) {
            for (int y = year_of(footer_from) - 1, last = year_of(hi) + 1; y <= last; ++y) {
                for (const auto& [at, enters] : rule_switches(z.footer, y))
                    if (at >= footer_from && at < hi) candidates.push_back(at);
                // Two switches a year: stop generating once enough are certainly collected.
                if (candidates.size() > limit + 4) break;
            }
        }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<ZoneTransition> out;
    for (std::int64_t t : candidates) {
        if (out.size() >= limit) break;
        const ZoneState& before = state_of(z, t - 1);
        const ZoneState& after = state_of(z, t);
        if (before == after) continue;
        out.push_back(ZoneTransition{sys_seconds{seconds{t}}, before, after});
    }
    return out;
}

Result<LocalTime> TimeZone::to_local(sys_seconds t) const {
    const std::int64_t s = t.time_since_epoch().count();
    if (auto error = outside_supported_range("instant", s)) return *error;
    ZoneState st = state_at(t);
    return LocalTime{local_seconds{seconds{s} + st.utc_offset}, std::move(st)};
}

Result<UtcResolution> TimeZone::to_utc(local_seconds local) const {
    const std::int64_t l = local.time_since_epoch().count();
    if (auto error = outside_supported_range("local time", l)) return *error;
    // Every offset that could apply within two days of the local reading (offsets stay < 26 h).
    const auto around = transitions(sys_seconds{seconds{l - 2 * kDay}},
                                    sys_seconds{seconds{l + 2 * kDay}});
    std::vector<seconds> offsets{state_at(sys_seconds{seconds{l - 2 * kDay}}).utc_offset};
    for (const auto& tr : around) offsets.push_back(tr.after.utc_offset);
    std::vector<std::int64_t> valid;
    for (seconds off : offsets) {
        const std::int64_t u = l - off.count();
        if (state_at(sys_seconds{seconds{u}}).utc_offset == off) valid.push_back(u);
    }
    std::sort(valid.begin(), valid.end());
    valid.erase(std::unique(valid.begin(), valid.end()), valid.end());

    UtcResolution res;
    if (valid.size() == 1) {
        res.utc = sys_seconds{seconds{valid[0]}};
        return res;
    }
    if (valid.size() > 1) {
        res.utc = sys_seconds{seconds{valid.front()}};
        res.kind = LocalTimeKind::overlap;
        res.shift = seconds{valid.back() - valid.front()};
        const ZoneState first = state_at(res.utc);
        const ZoneState second = state_at(sys_seconds{seconds{valid.back()}});
        const auto back_at = std::find_if(around.begin(), around.end(), [&](const ZoneTransition& tr) {
            return tr.at.time_since_epoch().count() > valid.front() &&
                   tr.at.time_since_epoch().count() <= valid.back();
        });
        if (back_at == around.end()) return inconsistent(local);
        res.note = fmt::format(
            "{} occurs twice in {} (clocks go back from {} {} to {} {}); using the earlier, {} {} "
            "(UTC{})",
            format_local(local), name_, hh_mm(local_seconds{back_at->at.time_since_epoch() + first.utc_offset}),
            abbreviation_or_offset(first), hh_mm(local_seconds{back_at->at.time_since_epoch() + second.utc_offset}),
            abbreviation_or_offset(second), hh_mm(local), abbreviation_or_offset(first),
            format_utc_offset(first.utc_offset));
        return res;
    }
    for (const auto& tr : around) {
        const std::int64_t at = tr.at.time_since_epoch().count();
        const std::int64_t gap_start = at + tr.before.utc_offset.count();
        const std::int64_t gap_end = at + tr.after.utc_offset.count();
        if (l < gap_start || l >= gap_end) continue;
        res.kind = LocalTimeKind::gap;
        res.utc = sys_seconds{seconds{l - tr.before.utc_offset.count()}};
        res.shift = tr.after.utc_offset - tr.before.utc_offset;
        res.note = fmt::format(
            "{} does not exist in {} (clocks jump from {} {} to {} {}); using {} {}",
            format_local(local), name_, hh_mm(local_seconds{seconds{gap_start}}),
            abbreviation_or_offset(tr.before), hh_mm(local_seconds{seconds{gap_end}}),
            abbreviation_or_offset(tr.after), hh_mm(local + res.shift),
            abbreviation_or_offset(tr.after));
        return res;
    }
    return inconsistent(local);
}

Error TimeZone::inconsistent(local_seconds local) const {
    return make_error(fmt::format("{} cannot be placed in {}: the zone's rules are inconsistent",
                                  format_local(local), name_));
}

// ---- TzDatabase ---------------------------------------------------------------------------------

Result<TzDatabase> TzDatabase::parse(std::string_view bytes) {
    constexpr std::string_view kMagic = "RPTZDB1\n";
    if (bytes.substr(0, kMagic.size()) != kMagic)
        return make_error("zone database: not a relplan zone database (bad magic)", 0);
    Reader r(bytes, kMagic.size());
    TzDatabase db;
    db.version_.assign(r.text(32, "tzdata version"));
    const std::uint64_t nrules = r.count("zone record count", 4);
    for (std::uint64_t i = 0; i < nrules && !r.failed(); ++i) {
        auto z = read_zone(r, std::size_t(i));
        if (z) db.rules_.push_back(std::move(z));
    }
    const std::uint64_t nnames = r.count("zone name count", 2);
    for (std::uint64_t i = 0; i < nnames && !r.failed(); ++i) {
        std::string_view name = r.text(128, "zone name");
        std::uint64_t rec = r.uvar("zone record index");
        if (r.failed()) break;
        if (name.empty()) r.fail("empty zone name");
        else if (rec >= db.rules_.size())
            r.fail(fmt::format("zone {} refers to missing record {}", name, rec));
        else if (!db.names_.empty() && !(db.names_.back() < name))
            r.fail(fmt::format("zone names are not sorted at {}", name));
        if (r.failed()) break;
        db.names_.emplace_back(name);
        db.name_rules_.push_back(std::uint32_t(rec));
    }
    if (!r.failed() && r.remaining() != 0) r.fail("unexpected trailing data");
    if (r.failed()) return r.error();
    return db;
}

bool TzDatabase::contains(std::string_view name) const {
    return std::binary_search(names_.begin(), names_.end(), name);
}

Result<TimeZone> TzDatabase::zone(std::string_view name) const {
    auto it = std::lower_bound(names_.begin(), names_.end(), name);
    if (it != names_.end() && *it == name) {
        auto i = std::size_t(it - names_.begin());
        return TimeZone(*it, rules_[name_rules_[i]]);
    }
    if (name.empty()) return make_error("empty time-zone name");
    const std::string wanted = lower(name);
    for (const std::string& n : names_)
        if (lower(n) == wanted)
            return make_error(fmt::format("unknown time zone {} (did you mean '{}'?)",
                                          quoted_for_message(name), n));
    return make_error(fmt::format("unknown time zone {} (expected an IANA name such as "
                                  "'Europe/Berlin' or 'UTC')",
                                  quoted_for_message(name)));
}

const Result<TzDatabase>& embedded_tzdb() {
    static const Result<TzDatabase> db = [] {
        std::string_view bytes = assets::get("tzdb.bin");
        if (bytes.empty()) return Result<TzDatabase>(make_error("this build has no zone database"));
        return TzDatabase::parse(bytes);
    }();
    return db;
}

// ---- formatting ---------------------------------------------------------------------------------

sys_seconds min_supported_instant() { return sys_seconds{seconds{kMinInstant}}; }
sys_seconds max_supported_instant() { return sys_seconds{seconds{kMaxInstant}}; }

std::string format_utc_offset(seconds offset) {
    const char sign = offset < seconds{0} ? '-' : '+';
    const std::int64_t a = offset.count() < 0 ? -offset.count() : offset.count();
    if (a % 60 != 0) return fmt::format("{}{:02}:{:02}:{:02}", sign, a / 3600, a / 60 % 60, a % 60);
    return fmt::format("{}{:02}:{:02}", sign, a / 3600, a / 60 % 60);
}

std::string format_local(local_seconds t) {
    year_month_day d{floor<days>(t)};
    return fmt::format("{:04}-{:02}-{:02} {}", int(d.year()), unsigned(d.month()), unsigned(d.day()),
                       hh_mm(t));
}

std::string format_utc(sys_seconds t) {
    year_month_day d{floor<days>(t)};
    hh_mm_ss<seconds> hms{t - floor<days>(t)};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", int(d.year()), unsigned(d.month()),
                       unsigned(d.day()), hms.hours().count(), hms.minutes().count(),
                       hms.seconds().count());
}

}  // namespace relplan
