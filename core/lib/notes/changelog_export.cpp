#include "notes/changelog_export.hpp"
#include "notes/changelog_entry.hpp"
#include "notes/changelog_sections.hpp"
#include "notes/markdown.hpp"
#include "lifecycle/support.hpp"

#include "plan/plan_time.hpp"
#include "version/version_check.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace relplan {
namespace {

bool embargoed(const Release& r, const Date& today) {
    return r.embargo_until && (!today.ok() || today < *r.embargo_until);
}

// The changes of `releases` grouped into sections (changelog_sections.hpp says which and in what order).
std::string body(const std::vector<const Release*>& releases, const Date& today, std::string_view repository) {
    std::vector<const Change*> changes;
    std::vector<const Release*> release_of;
    for (const Release* r : releases) {
        for (const Change& c : r->changes) {
            changes.push_back(&c);
            release_of.push_back(r);
        }
    }
    const SectionLayout layout = section_layout(changes);
    std::vector<std::vector<std::size_t>> members(layout.headings.size());
    for (std::size_t i = 0; i < changes.size(); ++i) members[layout.section_of[i]].push_back(i);
    std::string out;
    for (std::size_t section = 0; section < layout.headings.size(); ++section) {
        std::string items;
        std::set<std::string> withheld;
        // Breaking changes lead their section.
        for (const bool breaking_pass : {true, false}) {
            for (const std::size_t i : members[section]) {
                const Change& c = *changes[i];
                if ((c.category == ChangeCategory::breaking_change) != breaking_pass) continue;
                if (c.category == ChangeCategory::security && embargoed(*release_of[i], today)) {
                    withheld.insert(format_iso_date(*release_of[i]->embargo_until));
                    continue;
                }
                items += format_entry(c, repository);
            }
        }
        for (const std::string& until : withheld) {
            items += "- Security fixes; details are withheld until " + until + ".\n";
        }
        if (!items.empty()) out += "\n### " + section_name(layout.headings[section]) + "\n\n" + items;
    }
    return out;
}

// Summary lines go out as they are, except the ones import would read as something else.
std::string summary_block(std::string_view summary) {
    if (summary.empty()) return {};
    std::string out = "\n";
    const std::string text = md::sanitize_markdown(clean_text(summary));
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t eol = std::min(text.find('\n', at), text.size());
        std::string line = text.substr(at, eol - at);
        at = eol + 1;
        const std::size_t indent = line.find_first_not_of(" \t");
        if (indent != std::string::npos) {
            const std::string_view t = std::string_view(line).substr(indent);
            const bool marker = t.front() == '#' || t.front() == '>' || t.front() == '[' || t.front() == '<' ||
                                t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~" || t.substr(0, 19) == "**Full Changelog**:" ||
                                ((t.front() == '-' || t.front() == '*' || t.front() == '+') && t.size() > 1 && (t[1] == ' ' || t[1] == '\t'));
            line = marker ? "\\" + std::string(t) : std::string(t);
        }
        out += line + "\n";
    }
    return out;
}

std::string heading(std::string_view label, const Release& r) {
    std::string out = "## [" + std::string(label) + "]";
    if (r.release_date) out += " - " + format_iso_date(*r.release_date);
    if (r.yanked || r.status == ReleaseStatus::rolled_back) out += " [YANKED]";
    return out + "\n";
}

bool includes(const Release& r, const std::string& component) {
    return component.empty() || r.components.empty() ||
           std::find(r.components.begin(), r.components.end(), component) != r.components.end();
}

bool released(const Release& r) {
    return r.status == ReleaseStatus::released || r.status == ReleaseStatus::rolled_back;
}

bool upcoming(const Release& r) {
    return r.status == ReleaseStatus::planning || r.status == ReleaseStatus::approved ||
           r.status == ReleaseStatus::frozen;
}

}  // namespace

std::string changelog_section(const Release& release, const ChangelogOptions& options) {
    const std::string label = release.version.empty() ? "Unreleased" : clean_text(release.version);
    return heading(label, release) + summary_block(release.summary) + body({&release}, options.today, {});
}

std::string changelog_document(const Plan& plan, const ChangelogOptions& options) {
    std::vector<const Release*> pending;
    std::vector<std::size_t> done;
    for (std::size_t i = 0; i < plan.releases.size(); ++i) {
        const Release& r = plan.releases[i];
        if (!includes(r, options.component)) continue;
        if (upcoming(r)) pending.push_back(&r);
        if (released(r)) done.push_back(i);
    }
    // Newest first (listed_before), then by plan order: the order import reads back, reversed.
    std::stable_sort(done.begin(), done.end(), [&](std::size_t a, std::size_t b) {
        const Release& ra = plan.releases[a];
        const Release& rb = plan.releases[b];
        if (listed_before(ra, rb)) return true;
        if (listed_before(rb, ra)) return false;
        return a > b;
    });

    const bool all_calver = std::all_of(plan.releases.begin(), plan.releases.end(),
                                        [](const Release& r) { return r.calver_scheme.has_value(); });
    const bool all_semver = std::none_of(plan.releases.begin(), plan.releases.end(),
                                         [](const Release& r) { return r.calver_scheme.has_value(); });
    std::string out = "# Changelog\n\nAll notable changes to " +
                      (plan.project.name.empty() ? std::string("this project") : clean_text(plan.project.name)) +
                      " will be documented in this file.\n\n"
                      "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/)";
    if (!plan.releases.empty() && all_semver) {
        out += ",\nand this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n";
    } else if (!plan.releases.empty() && all_calver) {
        out += ",\nand this project adheres to [Calendar Versioning](https://calver.org/).\n";
    } else {
        out += ".\n";
    }

    // The support windows are the whole project's: a one-component changelog leaves them out.
    if (options.component.empty() && has_support_policy(plan)) {
        const std::string table = support_table_markdown(support_report(plan, options.today));
        if (!table.empty()) out += "\n## Supported versions\n\n" + table;
    }

    const auto repository = sanitize_url(plan.project.repository);
    const std::string repo = repository.value_or(std::string());
    std::vector<std::pair<std::string, std::string>> link_refs;
    std::set<std::string> labels;
    // Links are made up from the repository only for plans that have none of their own: an imported
    // changelog must come back with exactly the links it had.
    const bool own_links = std::any_of(pending.begin(), pending.end(), [](const Release* r) { return !r->link.empty(); }) ||
                           std::any_of(done.begin(), done.end(), [&](std::size_t i) { return !plan.releases[i].link.empty(); });
    const bool make_links = repository && !own_links;

    // [Unreleased] is written when something is upcoming, and for a plan with nothing released (so
    // the file always has a release heading).
    if (!pending.empty() || done.empty()) {
        std::string unreleased_link;
        for (const Release* r : pending) {
            if (unreleased_link.empty()) unreleased_link = r->link;
        }
        out += "\n## [Unreleased]\n" + (pending.size() == 1 ? summary_block(pending.front()->summary) : std::string()) +
               body(pending, options.today, repo);
        if (make_links && !done.empty()) {
            unreleased_link = *repository + "/compare/v" + plan.releases[done.front()].version + "...HEAD";
        }
        if (!unreleased_link.empty()) link_refs.emplace_back("unreleased", unreleased_link);
    }

    for (std::size_t k = 0; k < done.size(); ++k) {
        const Release& r = plan.releases[done[k]];
        std::string label = r.version.empty() ? r.id : r.version;
        if (labels.count(label) != 0 && !r.components.empty()) label = r.components.front() + " " + label;
        if (labels.count(label) != 0) label = r.id;
        labels.insert(label);
        label = clean_text(label);
        out += "\n" + heading(label, r) + summary_block(r.summary) + body({&r}, options.today, repo);

        std::string link = r.link;
        if (make_links && !r.version.empty()) {
            link = k + 1 < done.size() && !plan.releases[done[k + 1]].version.empty()
                       ? *repository + "/compare/v" + plan.releases[done[k + 1]].version + "...v" + r.version
                       : *repository + "/releases/tag/v" + r.version;
        }
        if (!link.empty()) link_refs.emplace_back(label, link);
    }

    if (!link_refs.empty()) out += "\n";
    for (const auto& [label, link] : link_refs) {
        const auto url = sanitize_url(link);
        if (url) out += "[" + label + "]: " + *url + "\n";
    }
    return out;
}

}  // namespace relplan
