// load_plan: bytes -> json::Document -> (migration) -> Plan, then validate_plan.
#include "plan/plan_json.hpp"

#include "base/dates.hpp"
#include "base/json_doc.hpp"
#include "plan/plan_schema.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <utility>

namespace relplan {
namespace {

using json::Kind;
using json::Path;
using json::Value;

struct Problem {
    std::string pointer;
    std::string message;
    std::size_t offset = 0;
};

template <class E> constexpr std::string_view noun();
template <> constexpr std::string_view noun<ReleaseType>() { return "release type"; }
template <> constexpr std::string_view noun<ReleaseStatus>() { return "release status"; }
template <> constexpr std::string_view noun<ChangeCategory>() { return "change category"; }
template <> constexpr std::string_view noun<Audience>() { return "audience"; }
template <> constexpr std::string_view noun<Channel>() { return "channel"; }
template <> constexpr std::string_view noun<RiskLevel>() { return "risk level"; }
template <> constexpr std::string_view noun<GateKind>() { return "quality gate kind"; }
template <> constexpr std::string_view noun<GateStatus>() { return "quality gate status"; }
template <> constexpr std::string_view noun<ReleaseOutcome>() { return "release outcome"; }
template <> constexpr std::string_view noun<RetroKind>() { return "retrospective item kind"; }
template <> constexpr std::string_view noun<NotesSection>() { return "notes section"; }

std::string quoted(std::string_view s) {
    std::string out;
    json::append_quoted(out, s.size() > 80 ? s.substr(0, 80) : s);
    if (s.size() > 80) out.insert(out.size() - 1, "...");
    return out;
}

class Decoder {
public:
    std::vector<Problem> problems;

    void problem(const Path& ptr, const Value& at, std::string message) {
        problems.push_back(Problem{ptr.str(), std::move(message), at.offset});
    }

    bool expect(const Path& ptr, const Value& v, Kind kind) {
        if (v.kind == kind) return true;
        problem(ptr, v, "expected " + std::string(json::describe(kind)) + ", found " +
                            std::string(json::describe(v.kind)));
        return false;
    }

    // The document is thrown away after decoding, so strings move out of it.
    void read(Value& v, const Path& ptr, std::string& out) {
        if (expect(ptr, v, Kind::string)) out = std::move(v.text);
    }

    void read(Value& v, const Path& ptr, bool& out) {
        if (expect(ptr, v, Kind::boolean)) out = v.boolean;
    }

    void read(const Value& v, const Path& ptr, std::int32_t& out) {
        if (!expect(ptr, v, Kind::number)) return;
        std::int64_t n = 0;
        const char* end = v.text.data() + v.text.size();
        const auto [p, ec] = std::from_chars(v.text.data(), end, n);
        if (ec == std::errc::result_out_of_range ||
            (ec == std::errc() && p == end &&
             (n < std::numeric_limits<std::int32_t>::min() || n > std::numeric_limits<std::int32_t>::max()))) {
            problem(ptr, v, v.text + " is out of range");
        } else if (ec != std::errc() || p != end) {
            problem(ptr, v, "expected a whole number, found " + v.text);
        } else {
            out = static_cast<std::int32_t>(n);
        }
    }

    void read(Value& v, const Path& ptr, Date& out) {
        if (!expect(ptr, v, Kind::string)) return;
        if (const auto d = dates::parse_date(v.text, dates::DateCheck::shape_only)) {
            out = *d;
        } else {
            problem(ptr, v, quoted(v.text) + " is not a date in the form YYYY-MM-DD");
        }
    }

    template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
    void read(Value& v, const Path& ptr, E& out) {
        if (!expect(ptr, v, Kind::string)) return;
        if (const auto e = from_string<E>(v.text)) {
            out = *e;
            return;
        }
        std::string expected;
        const auto& values = all_values<E>();
        for (std::size_t i = 0; i < values.size(); ++i) {
            expected += i == 0 ? "" : i + 1 == values.size() ? " or " : ", ";
            expected += to_string(values[i]);
        }
        problem(ptr, v, "unknown " + std::string(noun<E>()) + " " + quoted(v.text) + "; expected " + expected);
    }

    template <class T>
    void read(Value& v, const Path& ptr, std::optional<T>& out) {
        T value{};
        const std::size_t before = problems.size();
        read(v, ptr, value);
        if (problems.size() == before) out = std::move(value);
    }

    template <class T>
    void read(Value& v, const Path& ptr, Boxed<T>& out) {
        T value{};
        const std::size_t before = problems.size();
        read(v, ptr, value);
        if (problems.size() == before) out = std::move(value);
    }

    template <class T>
    void read(Value& v, const Path& ptr, std::vector<T>& out) {
        if (!expect(ptr, v, Kind::array)) return;
        out.resize(v.children.size());
        for (std::size_t i = 0; i < v.children.size(); ++i) read(v.children[i], ptr.element(i), out[i]);
    }

    // Every described type: its rows in table order, then the unknown members into `extra`.
    template <schema::Described T>
    void read(Value& v, const Path& ptr, T& out);

    void read_time(Value& m, const Path& ptr, std::chrono::sys_seconds& at, std::int32_t& offset);
    void read_plan(Value& v, Plan& out);
};

// Reads the members of one object: known ones by name, the rest into `extra`.
class Fields {
public:
    Fields(Decoder& d, Value& v, const Path& ptr)
        : d_(d), v_(v), ptr_(ptr), ok_(d.expect(ptr, v, Kind::object)), count_(ok_ ? v.size() : 0) {
        if (count_ > 64) many_used_.resize(count_);
    }

    explicit operator bool() const { return ok_; }

    template <class T>
    void req(std::string_view key, T& out) {
        if (Value* m = take(key)) {
            d_.read(*m, ptr_.member(key), out);
        } else {
            d_.problem(ptr_, v_, "missing required member \"" + std::string(key) + "\"");
        }
    }

    template <class T>
    void opt(std::string_view key, T& out) {
        if (Value* m = take(key)) d_.read(*m, ptr_.member(key), out);
    }

    void skip(std::string_view key) { take(key); }

    template <class S>
    void rows(S& out) {
        schema::for_each_row<S>([&](const auto& r) { row(r, out); });
    }

    template <class S, class M>
    void row(const schema::Row<S, M>& r, S& out) {
        if (r.flags & schema::required) {
            req(r.key, out.*r.member);
        } else {
            opt(r.key, out.*r.member);
        }
    }

    template <class S>
    void row(const schema::TimeRow<S>& r, S& out) {
        Value* m = take(r.key);
        if (m != nullptr) {
            d_.read_time(*m, ptr_.member(r.key), out.*r.instant, out.*r.offset_minutes);
        } else if (r.flags & schema::required) {
            d_.problem(ptr_, v_, "missing required member \"" + std::string(r.key) + "\"");
        }
    }

    void finish(Extra& extra) {
        for (std::size_t i = 0; i < count_; ++i) {
            if (!used(i)) extra.push_back(JsonMember{v_.key(i).text, json::to_canonical(v_.member(i))});
        }
    }

private:
    // Members usually come in schema order, so the search starts after the last one taken.
    Value* take(std::string_view key) {
        for (std::size_t step = 0; step < count_; ++step) {
            const std::size_t i = (next_ + step) % count_;
            if (!used(i) && v_.key(i).text == key) {
                mark(i);
                next_ = i + 1;
                return &v_.member(i);
            }
        }
        return nullptr;
    }

    // Objects rarely have more than 64 members; those that do get a vector.
    bool used(std::size_t i) const { return count_ > 64 ? many_used_[i] : (few_used_ >> i & 1u) != 0; }
    void mark(std::size_t i) {
        if (count_ > 64) {
            many_used_[i] = true;
        } else {
            few_used_ |= std::uint64_t{1} << i;
        }
    }

    Decoder& d_;
    Value& v_;
    const Path& ptr_;
    bool ok_;
    std::size_t count_;
    std::uint64_t few_used_ = 0;
    std::vector<bool> many_used_;
    std::size_t next_ = 0;
};

void Decoder::read_time(Value& m, const Path& ptr, std::chrono::sys_seconds& at, std::int32_t& offset) {
    if (!expect(ptr, m, Kind::string)) return;
    if (const auto t = dates::parse_offset_time(m.text)) {
        at = t->instant;
        offset = t->offset_minutes;
    } else {
        problem(ptr, m,
                quoted(m.text) +
                    " is not a date and time with a UTC offset, like 2027-01-15T22:00:00+01:00 or "
                    "2027-01-15T21:00:00Z");
    }
}

template <schema::Described T>
void Decoder::read(Value& v, const Path& ptr, T& out) {
    Fields f(*this, v, ptr);
    if (!f) return;
    f.rows(out);
    f.finish(out.extra);
}

void Decoder::read_plan(Value& v, Plan& out) {
    const Path root;
    Fields f(*this, v, root);
    f.skip("format");
    f.rows(out);
    f.finish(out.extra);
}

void rename_member(Value& object, std::string_view from, std::string_view to) {
    if (object.kind != Kind::object || object.find(to) != nullptr) return;
    for (std::size_t i = 0; i < object.size(); ++i) {
        if (object.key(i).text == from) object.key(i).text = std::string(to);
    }
}

// Format version 0 (drafts before "format" existed): releases had "date" and "items"; items had a
// "type" of feature / improvement / fix / breaking / deprecation / security / performance.
void migrate_release_v0(Value& release) {
    rename_member(release, "date", "release_date");
    rename_member(release, "items", "changes");
    if (release.kind != Kind::object) return;
    for (std::size_t i = 0; i < release.size(); ++i) {
        if (release.key(i).text != "changes" || release.member(i).kind != Kind::array) continue;
        for (Value& change : release.member(i).children) {
            rename_member(change, "type", "category");
            if (change.kind != Kind::object) continue;
            for (std::size_t k = 0; k < change.size(); ++k) {
                Value& category = change.member(k);
                if (change.key(k).text != "category" || category.kind != Kind::string) continue;
                if (category.text == "feature") category.text = "new-feature";
                if (category.text == "fix") category.text = "bug-fix";
                if (category.text == "breaking") category.text = "breaking-change";
            }
        }
    }
}

struct FormatCheck {
    bool usable = false;
    bool migrate = false;
};

FormatCheck check_format(Decoder& d, const Value& root) {
    const Path top;
    const Path at = top.member("format");
    const Value* format = root.find("format");
    if (format == nullptr) {
        const Value* releases = root.find("releases");
        if (releases != nullptr && releases->kind == Kind::array) return {true, true};
        d.problem(top, root,
                  "missing member \"format\"; a relplan plan starts with "
                  "\"format\": {\"name\": \"relplan\", \"version\": 1}");
        return {};
    }
    if (!d.expect(at, *format, Kind::object)) return {};
    const Value* name = format->find("name");
    const Value* version = format->find("version");
    bool usable = true;
    if (name == nullptr) {
        d.problem(at, *format, "missing required member \"name\"");
        usable = false;
    } else if (!d.expect(at.member("name"), *name, Kind::string)) {
        usable = false;
    } else if (name->text != "relplan") {
        d.problem(at.member("name"), *name, quoted(name->text) + " is not a relplan plan; expected \"relplan\"");
        usable = false;
    }
    if (version == nullptr) {
        d.problem(at, *format, "missing required member \"version\"");
        return {};
    }
    std::int32_t number = -1;
    const std::size_t before = d.problems.size();
    d.read(*version, at.member("version"), number);
    if (d.problems.size() != before) return {};
    if (number > plan_format_version) {
        d.problem(at.member("version"), *version,
                  "format version " + std::to_string(number) + " is newer than this relplan supports (" +
                      std::to_string(plan_format_version) + "); open the file with a newer relplan");
        return {};
    }
    if (number < 0) {
        d.problem(at.member("version"), *version, "format version " + std::to_string(number) + " does not exist");
        return {};
    }
    for (std::size_t i = 0; i < format->size(); ++i) {
        const std::string& key = format->key(i).text;
        if (key != "name" && key != "version") {
            d.problem(at.member(key), format->member(i),
                      "unknown member \"" + key + "\"; \"format\" holds only \"name\" and \"version\"");
            usable = false;
        }
    }
    return {usable, number == 0};
}

Diagnostic locate(const json::LineIndex& lines, std::string pointer, std::string message, std::size_t offset) {
    const auto [line, column] = lines.locate(offset);
    return Diagnostic{std::move(pointer), std::move(message), line, column};
}

// Releases are decoded one at a time while the text is parsed, so a large plan never exists twice in
// memory (as a document and as a Plan). That needs the format first; a file that puts "format" after
// "releases", or has none (version 0), keeps its release elements until the end instead.
class ReleaseReader {
public:
    explicit ReleaseReader(Decoder& decoder) : decoder_(decoder) {}

    void element(Value& release, const Value& root) {
        if (!format_ && root.find("format") != nullptr) {
            Decoder scratch;  // check_format reports again, with positions, once parsing is done
            format_ = check_format(scratch, root);
        }
        if (!format_) {
            held_.push_back(std::move(release));
        } else if (format_->usable) {
            decode(release, format_->migrate);
        }
    }

    // After parsing: the held elements, now that the format is known.
    std::vector<Release> finish(const FormatCheck& format) {
        if (format.usable) {
            for (Value& release : held_) decode(release, format.migrate);
        }
        held_.clear();
        return std::move(releases_);
    }

private:
    void decode(Value& release, bool migrate) {
        if (migrate) migrate_release_v0(release);
        const Path root;
        const Path list = root.member("releases");
        releases_.emplace_back();
        decoder_.read(release, list.element(releases_.size() - 1), releases_.back());
    }

    Decoder& decoder_;
    std::optional<FormatCheck> format_;
    std::vector<Value> held_;
    std::vector<Release> releases_;
};

}  // namespace

PlanLoad load_plan(std::string_view text) {
    PlanLoad result;
    const auto whole_file = [&](std::string message) {
        result.errors.push_back(Diagnostic{"", std::move(message), 0, 0});
        return std::move(result);
    };
    if (text.size() > max_plan_bytes) {
        return whole_file("the file is " + std::to_string(text.size()) + " bytes; plans are limited to " +
                          std::to_string(max_plan_bytes >> 20) + " MiB");
    }
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        return whole_file("the file is UTF-16 text; save it as UTF-8");
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
        result.notes.push_back(
            Diagnostic{"", "ignored the UTF-8 byte order mark at the start of the file; it is not written back", 1, 1});
    }

    std::optional<json::LineIndex> line_index;  // built only when something needs a position
    const auto lines = [&]() -> const json::LineIndex& {
        if (!line_index) line_index.emplace(text);
        return *line_index;
    };
    Decoder decoder;
    ReleaseReader releases(decoder);
    const json::Stream stream{"releases", [&](Value& release, const Value& root) { releases.element(release, root); }};
    auto parsed = json::parse(text, stream);
    if (!parsed) {
        result.errors.push_back(locate(lines(), "", parsed.error().message, parsed.error().offset));
        return result;
    }
    json::Document& doc = parsed.value();

    std::vector<Problem> problems;
    for (const json::DuplicateKey& dup : doc.duplicate_keys) {
        const auto [line, column] = lines().locate(dup.first_offset);
        problems.push_back(Problem{"", "duplicate member name \"" + dup.key + "\" (first defined at line " +
                                           std::to_string(line) + ", column " + std::to_string(column) + ")",
                                   dup.offset});
    }

    Plan plan;
    bool decoded = false;
    if (decoder.expect(Path{}, doc.root, Kind::object)) {
        const FormatCheck format = check_format(decoder, doc.root);
        std::vector<Release> read_releases = releases.finish(format);
        if (format.usable) {
            if (format.migrate) {
                result.notes.push_back(Diagnostic{
                    "", "migrated from format version 0 to version 1; saving writes version 1", 0, 0});
            }
            decoder.read_plan(doc.root, plan);
            plan.releases = std::move(read_releases);
            decoded = decoder.problems.empty();
        }
    }
    for (Problem& p : decoder.problems) problems.push_back(std::move(p));
    decoded = decoded && problems.empty();

    if (decoded) {
        json::Locator locator(text, doc, "releases");
        for (Diagnostic& d : validate_plan(plan)) {
            problems.push_back(Problem{d.pointer, std::move(d.message), locator.offset_of(d.pointer)});
        }
    }
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
    for (Problem& p : problems) {
        result.errors.push_back(locate(lines(), std::move(p.pointer), std::move(p.message), p.offset));
    }
    if (decoded) result.plan = std::move(plan);
    return result;
}

}  // namespace relplan
