#include "notes/changelog_export.hpp"

#include "notes/changelog_entry.hpp"
#include "notes/changelog_sections.hpp"

#include "plan/plan_time.hpp"
#include "version/version_check.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace relplan {
namespace {

constexpr std::array<std::string_view, 7> section_order{"Added",       "Changed",  "Deprecated", "Fixed",
                                                         "Performance", "Security", "Internal"};

bool embargoed(const Release& r, const Date& today) {
    return r.embargo_until && (!today.ok() || today < *r.embargo_until);
}

// The changes of `releases` grouped into Keep a Changelog sections.
std::string body(const std::vector<const Release*>& releases, const Date& today, std::string_view repository) {
    std::string out;
    for (const std::string_view title : section_order) {
        std::string items;
        std::set<std::string> withheld;
        // Breaking changes lead their section.
        for (const bool breaking_pass : {true, false}) {
            for (const Release* r : releases) {
                for (const Change& c : r->changes) {
                    if (changelog_export_section(c) != title) continue;
                    if ((c.category == ChangeCategory::breaking_change) != breaking_pass) continue;
                    if (c.category == ChangeCategory::security && embargoed(*r, today)) {
                        withheld.insert(format_iso_date(*r->embargo_until));
                        continue;
                    }
                    items += "- " + write_changelog_entry(c, repository) + "\n";
                }
            }
        }
        for (const std::string& until : withheld) {
            items += "- Security fixes; details are withheld until " + until + ".\n";
        }
        if (!items.empty()) out += "\n### " + std::string(title) + "\n\n" + items;
    }
    return out;
}

std::string heading(std::string_view label, const Release& r) {
    std::string out = "## [" + std::string(label) + "]";
    if (r.release_date) out += " - " + format_iso_date(*r.release_date);
    if (r.yanked || r.status == ReleaseStatus::rolled_back) out += " [YANKED]";
    return out + "\n";
}

// The release's summary as paragraph lines that cannot open a heading, list, quote or link definition.
std::string summary(const Release& r) {
    if (r.summary.empty()) return {};
    std::string out = "\n";
    std::size_t pos = 0;
    const std::string text = escape_changelog_text(clean_text(r.summary));
    while (pos <= text.size()) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        std::string line = text.substr(pos, eol - pos);
        pos = eol + 1;
        std::size_t indent = 0;
        while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
        line.erase(0, indent);
        if (line.empty()) continue;
        if (std::string_view("#-*+[>\\").find(line[0]) != std::string_view::npos) line.insert(0, "\\");
        out += line + "\n";
    }
    return out;
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
    return heading(label, release) + summary(release) + body({&release}, options.today, {});
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
    // Newest first: by release date, undated after dated, then by version, then by plan order.
    std::stable_sort(done.begin(), done.end(), [&](std::size_t a, std::size_t b) {
        const Release& ra = plan.releases[a];
        const Release& rb = plan.releases[b];
        if (ra.release_date.has_value() != rb.release_date.has_value()) return ra.release_date.has_value();
        if (ra.release_date && *ra.release_date != *rb.release_date) return *ra.release_date > *rb.release_date;
        if (const auto c = versions::compare_semver(ra.version, rb.version); c && *c != 0) return *c > 0;
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

    const auto repository = sanitize_url(plan.project.repository);
    std::vector<std::pair<std::string, std::string>> link_refs;
    std::set<std::string> labels;

    std::string unreleased_link;
    for (const Release* r : pending) {
        if (unreleased_link.empty()) unreleased_link = r->link;
    }
    // Links are only made up for plans that carry none: an imported changelog keeps exactly its own.
    const bool invent_links = std::none_of(plan.releases.begin(), plan.releases.end(),
                                           [](const Release& r) { return !r.link.empty(); });
    const std::string commits = repository.value_or("");
    if (!pending.empty()) {
        out += "\n## [Unreleased]\n" + (pending.size() == 1 ? summary(*pending.front()) : std::string()) +
               body(pending, options.today, commits);
    }
    if (unreleased_link.empty() && invent_links && repository && !done.empty() && !pending.empty()) {
        unreleased_link = *repository + "/compare/v" + plan.releases[done.front()].version + "...HEAD";
    }
    if (!unreleased_link.empty()) link_refs.emplace_back("unreleased", unreleased_link);

    for (std::size_t k = 0; k < done.size(); ++k) {
        const Release& r = plan.releases[done[k]];
        std::string label = r.version.empty() ? r.id : r.version;
        if (labels.count(label) != 0 && !r.components.empty()) label = r.components.front() + " " + label;
        if (labels.count(label) != 0) label = r.id;
        labels.insert(label);
        label = clean_text(label);
        out += "\n" + heading(label, r) + summary(r) + body({&r}, options.today, commits);

        std::string link = r.link;
        if (link.empty() && invent_links && repository && !r.version.empty()) {
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
