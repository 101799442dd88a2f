// relplan notes: release notes for one release of a plan file.
#include "commands.hpp"

#include "common/file_io.hpp"

#include "calendar/business_days.hpp"
#include "notes/notes.hpp"
#include "plan/plan_json.hpp"
#include "base/text.hpp"

#include <charconv>
#include <chrono>
#include <istream>
#include <ostream>

namespace relplan::cli {
namespace {

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

// Listing every release of a long-lived plan in an error message helps nobody.
constexpr std::size_t max_listed_releases = 30;

constexpr std::string_view notes_usage =
    "usage: relplan notes FILE --release V [--format md|html|txt|keep-a-changelog]\n"
    "                          [--audience technical|customer|end-user] [--width N] [--today YYYY-MM-DD]\n"
    "  release notes for the release with version (or id) V, on standard output; FILE may be -\n"
    "  --format    md: CommonMark (default); keep-a-changelog: one Keep a Changelog section;\n"
    "              html: a self-contained page; txt: plain text for e-mail\n"
    "  --audience  technical: every change with ids and links (default); customer: changes marked for\n"
    "              customers, no internal ids; end-user: a plain-words \"What's new\"\n"
    "  --width N   plain-text line width in columns, 20 to 1000 (default 72)\n"
    "  --today DATE  the date security embargoes are checked against (default: today, UTC)\n";

int usage(Io io, const std::string& problem) {
    io.err << "relplan: " << clean_text(problem) << "\n" << notes_usage;
    return exit_usage;
}

Result<std::string> read_input(const std::string& path, Io io) {
    return native::read_input(path, io.in, max_plan_bytes);
}

std::string release_list(const Plan& plan) {
    std::string out;
    std::size_t listed = 0;
    for (const Release& r : plan.releases) {
        if (listed == max_listed_releases) {
            out += ", and " + std::to_string(plan.releases.size() - listed) + " more";
            break;
        }
        if (listed > 0) out += ", ";
        out += r.version.empty() ? clean_text(r.id) + " (id; no version yet)" : clean_text(r.version);
        ++listed;
    }
    return out;
}

}  // namespace

int cmd_notes(const Args& args, Io io) {
    for (const std::string& a : args) {
        if (a == "--help" || a == "-h") {
            io.out << notes_usage;
            return exit_ok;
        }
    }
    std::string path, wanted;
    bool have_path = false;
    NotesOptions options;
    options.today = Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--release" || a == "--format" || a == "--audience" || a == "--width" || a == "--today") {
            if (!has_value) return usage(io, a + " needs a value");
            const std::string& value = args[++i];
            if (a == "--release") {
                wanted = value;
            } else if (a == "--format") {
                const auto format = parse_notes_format(value);
                if (!format) return usage(io, "unknown format '" + value + "' (use md, html, txt or keep-a-changelog)");
                options.format = *format;
            } else if (a == "--audience") {
                const auto audience = from_string<Audience>(value);
                if (!audience || *audience == Audience::internal)
                    return usage(io, "unknown audience '" + value + "' (use technical, customer or end-user)");
                options.audience = *audience;
            } else if (a == "--width") {
                int width = 0;
                const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), width);
                if (ec != std::errc() || end != value.data() + value.size() || width < 20 || width > 1000)
                    return usage(io, "--width must be a number of columns from 20 to 1000, not '" + value + "'");
                options.text_width = width;
            } else {
                const auto today = parse_date(value, "--today");
                if (!today) return usage(io, today.error().message);
                options.today = *today;
            }
        } else if (!have_path && (a == "-" || a.empty() || a[0] != '-')) {
            path = a;
            have_path = true;
        } else {
            return usage(io, "unexpected argument " + a);
        }
    }
    if (!have_path) return usage(io, "notes needs a FILE");
    if (wanted.empty()) return usage(io, "notes needs --release V (a version or release id)");

    const std::string name = path == "-" ? "<stdin>" : path;
    const auto text = read_input(path, io);
    if (!text) {
        io.err << "relplan: " << clean_text(text.error().message) << "\n";
        return exit_failed;
    }
    PlanLoad loaded = load_plan(*text);
    for (const Diagnostic& n : loaded.notes) io.err << clean_text(format_diagnostic({n.pointer, "note: " + n.message, n.line, n.column}, name)) << "\n";
    for (const Diagnostic& e : loaded.errors) io.err << clean_text(format_diagnostic(e, name)) << "\n";
    if (!loaded.plan) {
        io.err << "relplan: " << clean_text(name) << " could not be read as a plan\n";
        return exit_failed;
    }
    const Plan& plan = *loaded.plan;
    const Release* release = find_release_by_version(plan, wanted);
    if (release == nullptr) release = find_release(plan, wanted);
    if (release == nullptr) {
        if (plan.releases.empty()) {
            io.err << "relplan: " << clean_text(name) << " has no releases\n";
        } else {
            io.err << "relplan: no release with version or id '" << clean_text(wanted) << "' in " << clean_text(name)
                   << "; releases: " << release_list(plan) << "\n";
        }
        return exit_failed;
    }
    const auto notes = render_notes(plan, *release, options);
    if (!notes) {
        io.err << "relplan: " << clean_text(notes.error().message) << "\n";
        return exit_failed;
    }
    io.out << *notes;
    return exit_ok;
}

}  // namespace relplan::cli
