#include "notes/changelog_export.hpp"
#include "lifecycle/support.hpp"

#include "plan/plan_time.hpp"
#include "version/version_check.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace relplan {
namespace {

constexpr std::array<std::string_view, 5> section_order{"Added", "Changed", "Deprecated", "Fixed", "Security"};

std::string_view section_of(ChangeCategory c) {
    switch (c) {
        case ChangeCategory::new_feature: return "Added";
        case ChangeCategory::improvement:
        case ChangeCategory::performance:
        case ChangeCategory::breaking_change: return "Changed";
        case ChangeCategory::deprecation: return "Deprecated";
        case ChangeCategory::bug_fix: return "Fixed";
        case ChangeCategory::security: return "Security";
    }
    return "Changed";
}

bool embargoed(const Release& r, const Date& today) {
    return r.embargo_until && (!today.ok() || today < *r.embargo_until);
}

std::string entry(const Change& c) {
    std::string line = "- ";
    if (c.category == ChangeCategory::breaking_change) line += "**BREAKING:** ";
    if (!c.scope.empty()) line += "**" + clean_text(c.scope) + ":** ";
    std::string description = clean_text(c.description);
    for (std::size_t at = description.find('\n'); at != std::string::npos; at = description.find('\n', at + 3)) {
        description.replace(at, 1, "\n  ");
    }
    line += description;
    if (!c.ref_id.empty()) {
        const auto url = sanitize_url(c.link);
        line += url ? " ([" + clean_text(c.ref_id) + "](" + *url + "))" : " (" + clean_text(c.ref_id) + ")";
    }
    return line + "\n";
}

// The changes of `releases` grouped into Keep a Changelog sections.
std::string body(const std::vector<const Release*>& releases, const Date& today) {
    std::string out;
    for (const std::string_view title : section_order) {
        std::string items;
        std::set<std::string> withheld;
        // Breaking changes lead their section.
        for (const bool breaking_pass : {true, false}) {
            for (const Release* r : releases) {
                for (const Change& c : r->changes) {
                    if (section_of(c.category) != title) continue;
                    if ((c.category == ChangeCategory::breaking_change) != breaking_pass) continue;
                    if (c.category == ChangeCategory::security && embargoed(*r, today)) {
                        withheld.insert(format_iso_date(*r->embargo_until));
                        continue;
                    }
                    items += entry(c);
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
    return heading(label, release) + body({&release}, options.today);
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

    // The support windows are the whole project's: a one-component changelog leaves them out.
    if (options.component.empty() && has_support_policy(plan)) {
        const std::string table = support_table_markdown(support_report(plan, options.today));
        if (!table.empty()) out += "\n## Supported versions\n\n" + table;
    }

    const auto repository = sanitize_url(plan.project.repository);
    std::vector<std::pair<std::string, std::string>> link_refs;
    std::set<std::string> labels;

    std::string unreleased_link;
    for (const Release* r : pending) {
        if (unreleased_link.empty()) unreleased_link = r->link;
    }
    out += "\n## [Unreleased]\n" + body(pending, options.today);
    if (unreleased_link.empty() && repository && !done.empty()) {
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
        out += "\n" + heading(label, r) + body({&r}, options.today);

        std::string link = r.link;
        if (link.empty() && repository && !r.version.empty()) {
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
