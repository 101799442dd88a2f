// ChangelogImport's report for people (`relplan import changelog --explain`).
#include "notes/changelog_import.hpp"

#include "base/text.hpp"

namespace relplan {

std::string_view to_string(ChangelogDialect dialect) {
    switch (dialect) {
        case ChangelogDialect::keep_a_changelog: return "Keep a Changelog";
        case ChangelogDialect::conventional_changelog: return "conventional-changelog";
        case ChangelogDialect::release_please: return "release-please";
        case ChangelogDialect::git_cliff: return "git-cliff";
        case ChangelogDialect::github_release_notes: return "GitHub release notes";
        case ChangelogDialect::hand_written: return "hand-written lists";
    }
    return "hand-written lists";
}

std::string explain_changelog_import(const ChangelogImport& imported) {
    std::string out = "dialect: " + std::string(to_string(imported.dialect));
    for (std::size_t i = 0; i < imported.also_seen.size(); ++i) {
        out += (i == 0 ? " (also seen: " : ", ") + std::string(to_string(imported.also_seen[i]));
    }
    if (!imported.also_seen.empty()) out += ")";
    out += "\nreleases: " + std::to_string(imported.releases) + " (" + std::to_string(imported.unreleased) +
           " unreleased), changes: " + std::to_string(imported.changes) + "\nsections:\n";
    for (const ChangelogSectionUse& s : imported.sections) {
        out += "  line " + std::to_string(s.line) + ": \"" + clean_text(s.heading) + "\" -> " + s.mapping + " (" +
               std::to_string(s.entries) + (s.entries == 1 ? " entry" : " entries") + "; " + s.why + ")\n";
    }
    out += imported.dropped.empty() ? "dropped: nothing\n" : "dropped:\n";
    for (const ChangelogDrop& d : imported.dropped) {
        out += "  line " + std::to_string(d.line) + ": " + clean_text(d.what) + (d.why.empty() ? "" : ": " + d.why) + "\n";
    }
    return out;
}

}  // namespace relplan
