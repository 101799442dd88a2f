// relplan notes: release notes for one release of a plan file.
#include "commands.hpp"
#include "cli_options.hpp"

#include "base/json_doc.hpp"
#include "base/text.hpp"
#include "calendar/business_days.hpp"
#include "notes/notes.hpp"
#include "plan/plan_json.hpp"

#include <charconv>
#include <chrono>
#include <istream>
#include <ostream>

namespace relplan::cli {
namespace {

// Listing every release of a long-lived plan in an error message helps nobody.
constexpr std::size_t max_listed_releases = 30;

constexpr std::string_view notes_usage =
    "usage: relplan notes FILE --release V [--format md|html|txt|keep-a-changelog]\n"
    "                          [--audience technical|customer|end-user] [--width N] [--today YYYY-MM-DD]\n"
    "                          [--json] [-q]\n"
    "  release notes for the release with version V (tag form v1.2.3 too) or id V, on standard\n"
    "  output; FILE may be -\n"
    "  --format    md: CommonMark (default); keep-a-changelog: one Keep a Changelog section;\n"
    "              html: a self-contained page; txt: plain text for e-mail\n"
    "  --audience  technical: every change with ids and links (default); customer: changes marked for\n"
    "              customers, no internal ids; end-user: a plain-words \"What's new\"\n"
    "  --width N   plain-text line width in columns, 20 to 1000 (default 72)\n"
    "  --today DATE  the date security embargoes are checked against (default: today, UTC)\n"
    "  --json      {release, version, audience, format, title, file_name, media_type, shown_changes,\n"
    "              hidden_changes, text}\n"
    "  exit 1 when the plan cannot be read, has errors (the notes are still printed) or has no such\n"
    "  release; 2 on a usage error\n";

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

// The options of the command line; a usage problem as text.
std::string read_options(const Options& o, NotesOptions& options) {
    if (auto value = o.value("--format")) {
        const auto format = parse_notes_format(*value);
        if (!format) return "unknown format '" + *value + "' (use md, html, txt or keep-a-changelog)";
        options.format = *format;
    }
    if (auto value = o.value("--audience")) {
        const auto audience = from_string<Audience>(*value);
        if (!audience || *audience == Audience::internal)
            return "unknown audience '" + *value + "' (use technical, customer or end-user)";
        options.audience = *audience;
    }
    if (auto value = o.value("--width")) {
        int width = 0;
        const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), width);
        if (ec != std::errc() || end != value->data() + value->size() || width < 20 || width > 1000)
            return "--width must be a number of columns from 20 to 1000, not '" + *value + "'";
        options.text_width = width;
    }
    if (auto value = o.value("--today")) {
        const auto today = parse_date(*value, "--today");
        if (!today) return today.error().message;
        options.today = *today;
    }
    return {};
}

std::string notes_json(const Plan& plan, const Release& release, const NotesOptions& options, const std::string& text) {
    std::size_t shown = 0;
    for (const Change& c : release.changes) shown += visible_to(c, options.audience) ? 1 : 0;
    std::string title;
    if (const auto doc = build_notes(plan, release, options); doc && !doc->blocks.empty())
        title = md::plain_text(doc->blocks.front().inlines);
    json::Writer w;
    w.begin_object();
    for (const auto& [key, value] :
         {std::pair<std::string_view, std::string>{"release", release.id}, {"version", release.version},
          {"audience", std::string(to_string(options.audience))}, {"format", std::string(to_string(options.format))},
          {"title", title}, {"file_name", notes_file_name(plan, release, options)},
          {"media_type", std::string(media_type(options.format))}}) {
        w.member(key, value);
    }
    w.member("shown_changes", static_cast<std::int64_t>(shown));
    w.member("hidden_changes", static_cast<std::int64_t>(release.changes.size() - shown));
    w.member("text", text);
    w.end_object();
    return w.take() + "\n";
}

}  // namespace

int cmd_notes(const Args& args, Io io) {
    const Options o(args, {"--release", "--format", "--audience", "--width", "--today"}, {"--json"});
    if (const auto done = help_or_usage_error(o, io, notes_usage)) return *done;
    if (o.positional().size() != 1) return usage_error(io, notes_usage, o.positional().empty() ? "notes needs a FILE" : "notes takes one FILE");
    const std::string wanted = o.value("--release").value_or("");
    if (wanted.empty()) return usage_error(io, notes_usage, "notes needs --release V (a version or release id)");
    NotesOptions options;
    options.today = Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    if (const std::string problem = read_options(o, options); !problem.empty()) return usage_error(io, notes_usage, problem);

    const std::string& path = o.positional().front();
    const std::optional<PlanFile> file = load_plan_file(path, io);
    if (!file) return exit_failed;
    const std::string& name = file->name;
    const PlanLoad& loaded = file->loaded;
    if (!loaded.plan) return fail(io, name + " could not be read as a plan");
    const Plan& plan = *loaded.plan;
    const Release* release = find_release_argument(plan, wanted);
    if (release == nullptr) {
        if (plan.releases.empty()) return fail(io, name + " has no releases");
        return fail(io, "no release with version or id '" + wanted + "' in " + name + "; releases: " + release_list(plan));
    }
    const auto notes = render_notes(plan, *release, options);
    if (!notes) return fail(io, notes.error().message);
    io.out << (o.has("--json") ? notes_json(plan, *release, options, *notes) : *notes);
    // The notes of a plan with errors are still printed, but a pipeline must not take them for good.
    return loaded.errors.empty() ? exit_ok : exit_failed;
}

}  // namespace relplan::cli
