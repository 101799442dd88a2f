#include "notes/notes.hpp"
#include "base/text.hpp"
#include "lifecycle/notify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace relplan {
namespace {

using md::Block;
using md::BlockKind;
using md::Inline;

constexpr std::array<NotesSection, 11> default_order = {
    NotesSection::summary,      NotesSection::breaking_change,      NotesSection::new_feature,
    NotesSection::improvement,  NotesSection::bug_fix,              NotesSection::performance,
    NotesSection::security,     NotesSection::deprecation,          NotesSection::upgrade_instructions,
    NotesSection::known_issues, NotesSection::contributors,
};

std::size_t category_index(ChangeCategory c) { return static_cast<std::size_t>(c); }

std::optional<ChangeCategory> section_category(NotesSection s) {
    switch (s) {
        case NotesSection::breaking_change: return ChangeCategory::breaking_change;
        case NotesSection::new_feature: return ChangeCategory::new_feature;
        case NotesSection::improvement: return ChangeCategory::improvement;
        case NotesSection::bug_fix: return ChangeCategory::bug_fix;
        case NotesSection::performance: return ChangeCategory::performance;
        case NotesSection::security: return ChangeCategory::security;
        case NotesSection::deprecation: return ChangeCategory::deprecation;
        default: return std::nullopt;
    }
}

std::string format_date(const Date& d) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if ((s[i] | 0x20) != (prefix[i] | 0x20)) return false;
    return true;
}

// Public advisory ids: they name the vulnerability for everyone, so every audience sees them.
bool is_advisory(std::string_view id) { return starts_with_nocase(id, "CVE-") || starts_with_nocase(id, "GHSA-"); }

std::string trimmed(std::string_view s) {
    const std::string clean = clean_text(s);
    const std::size_t b = clean.find_first_not_of(" \t\n");
    if (b == std::string::npos) return {};
    const std::size_t e = clean.find_last_not_of(" \t\n");
    return clean.substr(b, e - b + 1);
}

std::vector<Inline> concat(std::vector<Inline> a, std::vector<Inline> b) {
    for (Inline& i : b) a.push_back(std::move(i));
    return a;
}

// A labelled line: "**Impact:** text".
Block labelled(std::string_view label, std::string_view value) {
    std::vector<Inline> line{md::strong({md::text(label)}), md::text(" ")};
    return md::paragraph(concat(std::move(line), md::text_inlines(value)));
}

// The Markdown of a summary or an upgrade step, with headings moved below the notes' own levels.
std::vector<Block> markdown_blocks(std::string_view source, int shift) {
    std::vector<Block> blocks = md::parse(source).blocks;
    std::vector<std::vector<Block>*> pending{&blocks};
    while (!pending.empty()) {
        std::vector<Block>* list = pending.back();
        pending.pop_back();
        for (Block& b : *list) {
            if (b.kind == BlockKind::heading) b.level = std::min(6, b.level + shift);
            if (!b.children.empty()) pending.push_back(&b.children);
        }
    }
    return blocks;
}

class NotesBuilder {
public:
    NotesBuilder(const Plan& plan, const Release& release, const NotesOptions& options)
        : plan_(plan), release_(release), audience_(options.audience) {
        embargoed_ = release.embargo_until.has_value() && (!options.today || *options.today < *release.embargo_until);
        for (const Change& c : release.changes)
            if (visible_to(c, audience_)) changes_[category_index(c.category)].push_back(&c);
        // Security fixes with public advisory ids lead their section.
        auto& security = changes_[category_index(ChangeCategory::security)];
        std::stable_partition(security.begin(), security.end(),
                              [](const Change* c) { return is_advisory(trimmed(c->ref_id)); });
        for (const NotesSectionOverride& o : plan.settings.notes_sections) {
            if (std::find(order_.begin(), order_.end(), o.section) != order_.end()) continue;
            order_.push_back(o.section);
            titles_.emplace_back(o.section, trimmed(o.title));
        }
        for (NotesSection s : default_order)
            if (std::find(order_.begin(), order_.end(), s) == order_.end()) order_.push_back(s);
        // Consumers, their owners and contacts are the engineering team's business only.
        if (audience_ == Audience::technical) notify_ = release_notice(plan, release);
    }

    md::Document notes() {
        md::Document doc;
        doc.blocks.push_back(md::heading(1, title()));
        const std::string theme = trimmed(release_.theme);
        if (!theme.empty()) {
            if (audience_ == Audience::end_user) {
                doc.blocks.push_back(md::paragraph({md::emphasis(md::text_inlines(theme))}));
            } else {
                doc.blocks.push_back(labelled("Theme:", theme));
            }
        }
        for (NotesSection s : order_) section(s, doc.blocks);
        return doc;
    }

    md::Document keep_a_changelog() {
        md::Document doc;
        doc.blocks.push_back(md::heading(2, kac_heading()));
        kac_body(doc.blocks);
        return doc;
    }

    // The Keep a Changelog section as text: the heading uses the reference-link form "[1.2.0]" with
    // the link definition at the end, as the format's own examples do.
    std::string keep_a_changelog_text() {
        const std::string version = trimmed(release_.version);
        std::string out = "## [" + (version.empty() ? std::string("Unreleased") : markdown_escape(version, false)) + "]";
        if (!version.empty() && release_.release_date) out += " - " + format_date(*release_.release_date);
        if (release_.yanked) out += " [YANKED]";
        out += '\n';
        md::Document body;
        kac_body(body.blocks);
        if (!body.blocks.empty()) out += "\n" + md::to_markdown(body);
        const std::optional<std::string> link = sanitize_url(release_.link);
        if (link) {
            std::string destination;
            for (char c : *link) {
                if (c == '(' || c == ')' || c == '\\') destination += '\\';
                destination += c;
            }
            out += "\n[" + (version.empty() ? std::string("Unreleased") : markdown_escape(version, false)) +
                   "]: " + destination + "\n";
        }
        return out;
    }

    std::string title_text() { return md::plain_text(title()); }

private:
    const Plan& plan_;
    const Release& release_;
    Audience audience_;
    bool embargoed_ = false;
    std::array<std::vector<const Change*>, 7> changes_;
    std::vector<NotesSection> order_;
    std::vector<std::pair<NotesSection, std::string>> titles_;
    std::vector<ConsumerImpact> notify_;

    const std::vector<const Change*>& visible(ChangeCategory c) const { return changes_[category_index(c)]; }

    std::string section_title(NotesSection s) const {
        for (const auto& [section, title] : titles_)
            if (section == s && !title.empty()) return title;
        return std::string(default_section_title(s, audience_));
    }

    std::vector<Inline> title() const {
        const std::string project = trimmed(plan_.project.name);
        const std::string version = trimmed(release_.version);
        const std::string name = trimmed(release_.name);
        std::string text = audience_ == Audience::end_user ? "What's new in " : "";
        if (!project.empty()) text += project + " ";
        if (!version.empty()) {
            text += version;
            if (!name.empty()) text += " \xE2\x80\x93 " + name;
        } else if (!name.empty()) {
            text += name;
        } else if (!trimmed(release_.id).empty()) {
            text += trimmed(release_.id);
        } else if (project.empty()) {
            text += "this release";
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        if (audience_ != Audience::end_user && text.empty()) text = "Release notes";
        if (release_.release_date) text += " (" + format_date(*release_.release_date) + ")";
        if (release_.yanked) text += " [YANKED]";
        return {md::text(text)};
    }

    // ---- changes ----

    // The ticket id, linked when the link is allowed; the bare link when there is no id.
    static std::vector<Inline> reference(std::string_view ref_id, std::string_view link_text) {
        const std::string ref = trimmed(ref_id);
        std::optional<std::string> url = link_text.empty() ? std::nullopt : sanitize_url(link_text);
        if (ref.empty() && !url) return {};
        Inline shown = md::text(ref.empty() ? *url : ref);
        if (!url) return {shown};
        Inline link;
        link.kind = md::InlineKind::link;
        link.url = std::move(*url);
        link.children.push_back(std::move(shown));
        return {link};
    }

    std::vector<Inline> change_line(const Change& c, bool advisory_first) const {
        std::vector<Inline> line;
        const bool technical = audience_ == Audience::technical;
        const std::string ref = trimmed(c.ref_id);
        const bool lead_with_advisory = advisory_first && is_advisory(ref);
        if (lead_with_advisory) {
            line = reference(c.ref_id, c.link);
            line.push_back(md::text(": "));
        }
        if (technical) {
            std::string area = trimmed(c.scope);
            if (area.empty() && !trimmed(c.component).empty()) {
                const Component* component = find_component(plan_, c.component);
                area = component && !trimmed(component->name).empty() ? trimmed(component->name) : trimmed(c.component);
            }
            if (!area.empty()) {
                line.push_back(md::strong({md::text(area + ":")}));
                line.push_back(md::text(" "));
            }
        }
        std::vector<Inline> description = md::inline_markdown(c.description);
        if (description.empty()) description.push_back(md::text("(no description)"));
        line = concat(std::move(line), std::move(description));
        if (technical) {
            std::vector<Inline> refs = lead_with_advisory ? std::vector<Inline>{} : reference(c.ref_id, c.link);
            const std::string commit = trimmed(c.commit);
            if (!commit.empty()) {
                if (!refs.empty()) refs.push_back(md::text(", "));
                refs.push_back(md::code(commit.substr(0, std::min<std::size_t>(commit.size(), 12))));
            }
            if (!refs.empty()) {
                line.push_back(md::text(" ("));
                line = concat(std::move(line), std::move(refs));
                line.push_back(md::text(")"));
            }
        }
        return line;
    }

    Block change_item(const Change& c, bool advisory_first, bool with_details) const {
        std::vector<Block> blocks{md::paragraph(change_line(c, advisory_first))};
        if (with_details) {
            std::vector<Block> details;
            const std::string impact = trimmed(c.impact);
            const std::string workaround = trimmed(c.workaround);
            if (!impact.empty() && audience_ != Audience::end_user) details.push_back(md::list_item({labelled("Impact:", impact)}));
            if (!workaround.empty()) details.push_back(md::list_item({labelled("Workaround:", workaround)}));
            if (!details.empty()) blocks.push_back(md::list(BlockKind::bullet_list, std::move(details)));
        }
        return md::list_item(std::move(blocks));
    }

    Block embargo_notice(std::size_t count) const {
        std::string text = count == 1 ? "This release contains 1 security fix." :
                                        fmt::format("This release contains {} security fixes.", count);
        text += " Details will be published on " + format_date(*release_.embargo_until) + ".";
        return md::paragraph({md::text(text)});
    }

    void change_section(NotesSection s, ChangeCategory category, std::vector<Block>& out) const {
        const auto& changes = visible(category);
        if (changes.empty()) return;
        out.push_back(md::heading(2, {md::text(section_title(s))}));
        if (category == ChangeCategory::security && embargoed_) {
            out.push_back(embargo_notice(changes.size()));
            return;
        }
        std::vector<Block> items;
        items.reserve(changes.size());
        for (const Change* c : changes) items.push_back(change_item(*c, category == ChangeCategory::security, true));
        out.push_back(md::list(BlockKind::bullet_list, std::move(items)));
    }

    void highlights(std::vector<Block>& out) const {
        if (audience_ == Audience::end_user) return;
        std::vector<Block> items;
        const std::pair<ChangeCategory, std::string_view> kinds[] = {
            {ChangeCategory::breaking_change, "Breaking:"},
            {ChangeCategory::new_feature, "New:"},
            {ChangeCategory::improvement, "Improved:"},
        };
        for (const auto& [category, label] : kinds) {
            for (const Change* c : visible(category)) {
                if (items.size() == 5) break;
                std::vector<Inline> description = md::inline_markdown(c->description);
                if (description.empty()) continue;
                items.push_back(md::list_item({md::paragraph(
                    concat({md::strong({md::text(label)}), md::text(" ")}, std::move(description)))}));
            }
        }
        if (items.empty()) return;
        out.push_back(md::heading(2, {md::text("Highlights")}));
        out.push_back(md::list(BlockKind::bullet_list, std::move(items)));
    }

    // Notes whose audience sees none of the release's changes say so, and how many are held back,
    // instead of coming out empty.
    void nothing_shown(std::vector<Block>& out) const {
        std::size_t shown = 0;
        for (const auto& list : changes_) shown += list.size();
        const std::size_t hidden = release_.changes.size() - shown;
        if (shown > 0 || (audience_ == Audience::technical && hidden == 0)) return;
        std::string text = audience_ == Audience::technical ? "No technical changes in this release."
                                                            : "No customer-facing changes in this release.";
        if (hidden > 0)
            text += fmt::format(" {} {} for other audiences {} not shown.", hidden, hidden == 1 ? "change" : "changes",
                                hidden == 1 ? "is" : "are");
        out.push_back(md::paragraph({md::text(text)}));
    }

    void section(NotesSection s, std::vector<Block>& out) const {
        if (const std::optional<ChangeCategory> category = section_category(s)) {
            change_section(s, *category, out);
            return;
        }
        switch (s) {
            case NotesSection::summary: {
                std::vector<Block> summary = markdown_blocks(release_.summary, 2);
                const bool titled = std::any_of(titles_.begin(), titles_.end(), [](const auto& t) {
                    return t.first == NotesSection::summary && !t.second.empty();
                });
                if (titled && !summary.empty()) out.push_back(md::heading(2, {md::text(section_title(s))}));
                for (Block& b : summary) out.push_back(std::move(b));
                highlights(out);
                nothing_shown(out);
                break;
            }
            case NotesSection::upgrade_instructions: upgrade(out); break;
            case NotesSection::known_issues: {
                std::vector<Block> items;
                for (const KnownIssue& issue : release_.known_issues) {
                    std::vector<Inline> line = md::text_inlines(issue.description);
                    if (line.empty()) continue;
                    std::vector<Inline> ref = audience_ == Audience::technical ? reference(issue.ref_id, issue.link)
                                                                               : std::vector<Inline>{};
                    if (!ref.empty()) {
                        line.push_back(md::text(" ("));
                        line = concat(std::move(line), std::move(ref));
                        line.push_back(md::text(")"));
                    }
                    std::vector<Block> blocks{md::paragraph(std::move(line))};
                    const std::string workaround = trimmed(issue.workaround);
                    if (!workaround.empty())
                        blocks.push_back(md::list(BlockKind::bullet_list, {md::list_item({labelled("Workaround:", workaround)})}));
                    items.push_back(md::list_item(std::move(blocks)));
                }
                if (items.empty()) break;
                out.push_back(md::heading(2, {md::text(section_title(s))}));
                out.push_back(md::list(BlockKind::bullet_list, std::move(items)));
                break;
            }
            case NotesSection::contributors: {
                if (audience_ == Audience::end_user) break;
                std::vector<std::string> names;
                for (const std::string& n : release_.contributors)
                    if (!trimmed(n).empty()) names.push_back(trimmed(n));
                if (names.empty()) break;
                std::string text = "Thanks to ";
                for (std::size_t i = 0; i < names.size(); ++i) {
                    if (i > 0) text += i + 1 == names.size() ? " and " : ", ";
                    text += names[i];
                }
                out.push_back(md::heading(2, {md::text(section_title(s))}));
                out.push_back(md::paragraph({md::text(text + ".")}));
                break;
            }
            default: break;
        }
    }

    // ---- upgrade instructions and the consumers they concern ----

    void upgrade(std::vector<Block>& out) const {
        std::vector<Block> steps;
        for (const std::string& step : release_.upgrade_instructions) {
            std::vector<Block> blocks = markdown_blocks(step, 2);
            if (!blocks.empty()) steps.push_back(md::list_item(std::move(blocks)));
        }
        const bool breaking = !visible(ChangeCategory::breaking_change).empty();
        if (steps.empty() && !breaking && notify_.empty()) return;
        out.push_back(md::heading(2, {md::text(section_title(NotesSection::upgrade_instructions))}));
        if (!steps.empty()) {
            Block list = md::list(BlockKind::ordered_list, std::move(steps));
            list.tight = std::all_of(list.children.begin(), list.children.end(), [](const Block& item) {
                return item.children.size() == 1;
            });
            out.push_back(std::move(list));
        } else if (breaking) {
            out.push_back(md::paragraph({md::text(
                "This release has breaking changes: read \xE2\x80\x9C" +
                section_title(NotesSection::breaking_change) + "\xE2\x80\x9D before you upgrade.")}));
        }
        affected_consumers(out);
    }

    // Consumers cut off by their declared range, with the range to move to, then who to notify.
    void affected_consumers(std::vector<Block>& out) const {
        if (notify_.empty()) return;
        std::vector<Block> cut;
        for (const ConsumerImpact& c : notify_) {
            if (c.kind != ImpactKind::cut_off) continue;
            cut.push_back(md::list_item({md::paragraph({md::strong({md::text(c.consumer)}), md::text(" declares "),
                                                  md::code(c.range), md::text(": move to "),
                                                  md::code(c.suggested_range)})}));
        }
        if (!cut.empty()) {
            out.push_back(md::paragraph({md::text("Consumers whose declared range does not take " + notify_.front().version +
                                                  " (they stay on older versions until they change it):")}));
            out.push_back(md::list(BlockKind::bullet_list, std::move(cut)));
        }
        std::vector<Block> who;
        for (const ConsumerImpact& c : notify_) {
            std::string reach = trimmed(c.owner);
            const std::string contact = trimmed(c.contact);
            if (!contact.empty()) reach += reach.empty() ? contact : " (" + contact + ")";
            if (reach.empty()) reach = "no owner or contact in the plan";
            const std::string why = c.kind == ImpactKind::cut_off ? "cut off by " : "kept from this pre-release by ";
            who.push_back(md::list_item({md::paragraph({md::strong({md::text(c.consumer)}), md::text(": " + reach + " \xE2\x80\x94 " + why),
                                                  md::code(c.range)})}));
        }
        out.push_back(md::heading(3, {md::text("Who to notify")}));
        out.push_back(md::list(BlockKind::bullet_list, std::move(who)));
    }

    // ---- Keep a Changelog ----

    std::vector<Inline> kac_heading() const {
        const std::string version = trimmed(release_.version);
        const std::string label = version.empty() ? "Unreleased" : version;
        std::vector<Inline> heading;
        if (sanitize_url(release_.link)) {
            heading.push_back(md::link({md::text(label)}, release_.link));
        } else {
            heading.push_back(md::text("[" + label + "]"));
        }
        std::string rest;
        if (!version.empty() && release_.release_date) rest += " - " + format_date(*release_.release_date);
        if (release_.yanked) rest += " [YANKED]";
        if (!rest.empty()) heading.push_back(md::text(rest));
        return heading;
    }

    void kac_body(std::vector<Block>& out) const {
        bool listed = false;
        const std::pair<std::string_view, std::vector<ChangeCategory>> groups[] = {
            {"Added", {ChangeCategory::new_feature}},
            {"Changed", {ChangeCategory::breaking_change, ChangeCategory::improvement, ChangeCategory::performance}},
            {"Deprecated", {ChangeCategory::deprecation}},
            {"Fixed", {ChangeCategory::bug_fix}},
            {"Security", {ChangeCategory::security}},
        };
        for (const auto& [name, categories] : groups) {
            std::vector<Block> items;
            std::size_t embargoed = 0;
            for (ChangeCategory category : categories) {
                for (const Change* c : visible(category)) {
                    if (category == ChangeCategory::security && embargoed_) {
                        ++embargoed;
                        continue;
                    }
                    std::vector<Inline> line = change_line(*c, category == ChangeCategory::security);
                    if (category == ChangeCategory::breaking_change)
                        line = concat({md::strong({md::text("BREAKING:")}), md::text(" ")}, std::move(line));
                    items.push_back(md::list_item({md::paragraph(std::move(line))}));
                }
            }
            if (items.empty() && embargoed == 0) continue;
            listed = true;
            out.push_back(md::heading(3, {md::text(name)}));
            if (embargoed > 0) {
                out.push_back(embargo_notice(embargoed));
            } else {
                out.push_back(md::list(BlockKind::bullet_list, std::move(items)));
            }
        }
        if (!listed) nothing_shown(out);
    }
};

constexpr std::string_view page_style = R"css(
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --code: #f6f8fa; --link: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --code: #151b23; --link: #4493f8; } }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; overflow-wrap: anywhere; }
h1 { font-size: 2rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--line); }
h3, h4, h5, h6 { font-size: 1.1rem; margin: 1.6rem 0 0.6rem; }
p, ul, ol, blockquote, pre, table { margin: 0 0 1rem; }
ul, ol { padding-left: 1.6rem; }
li + li { margin-top: 0.3rem; }
li > ul, li > ol { margin: 0.3rem 0 0; }
a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code); padding: 0.1em 0.35em; border-radius: 4px; }
pre { background: var(--code); padding: 0.9rem 1rem; border-radius: 6px; overflow-x: auto; }
pre code { padding: 0; background: none; }
blockquote { margin-left: 0; padding: 0 1rem; color: var(--muted); border-left: 4px solid var(--line); }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.75rem; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0; }
@media print { main { max-width: none; padding: 0; } a { color: inherit; } }
)css";

std::string html_page(const std::string& title, const md::Document& doc) {
    std::string out =
        "<!DOCTYPE html>\n"
        "<html lang=\"en\">\n"
        "<head>\n"
        "<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "base-uri 'none'; form-action 'none'\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>" +
        html_escape_text(title) + "</title>\n<style>" + std::string(page_style) +
        "</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n";
    out += md::to_html(doc);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::optional<Error> check_options(const NotesOptions& options) {
    if (options.audience == Audience::internal)
        return make_error("release notes are for the technical, customer or end-user audience, not internal");
    if (options.text_width < 20 || options.text_width > 1000)
        return make_error(fmt::format("text width {} is out of range (20 to 1000 columns)", options.text_width));
    return std::nullopt;
}

}  // namespace

std::string_view to_string(NotesFormat format) {
    switch (format) {
        case NotesFormat::markdown: return "md";
        case NotesFormat::keep_a_changelog: return "keep-a-changelog";
        case NotesFormat::html: return "html";
        case NotesFormat::text: return "txt";
    }
    return "md";
}

namespace {

// Each output format: its two names on the command line, its label and its file extension.
struct FormatNames {
    NotesFormat format;
    std::string_view token, alias, label, extension;
};
constexpr FormatNames kFormatNames[] = {
    {NotesFormat::markdown, "md", "markdown", "Markdown", "md"},
    {NotesFormat::keep_a_changelog, "keep-a-changelog", "kac", "Keep a Changelog", "md"},
    {NotesFormat::html, "html", "html", "HTML", "html"},
    {NotesFormat::text, "txt", "text", "Plain text", "txt"},
};

const FormatNames& names_of(NotesFormat format) {
    for (const FormatNames& n : kFormatNames)
        if (n.format == format) return n;
    return kFormatNames[0];
}

}  // namespace

std::optional<NotesFormat> parse_notes_format(std::string_view token) {
    for (const FormatNames& n : kFormatNames)
        if (token == n.token || token == n.alias) return n.format;
    return std::nullopt;
}

std::string_view notes_format_label(NotesFormat format) { return names_of(format).label; }

std::string_view file_extension(NotesFormat format) { return names_of(format).extension; }

std::string_view media_type(NotesFormat format) {
    switch (format) {
        case NotesFormat::html: return "text/html; charset=utf-8";
        case NotesFormat::text: return "text/plain; charset=utf-8";
        default: return "text/markdown; charset=utf-8";
    }
}

std::string notes_file_name(const Plan& plan, const Release& release, const NotesOptions& options) {
    std::string raw = plan.project.name;
    const std::string version = !release.version.empty() ? release.version : !release.id.empty() ? release.id : release.name;
    raw += "-" + version + "-release-notes";
    if (options.audience != Audience::technical) raw += "-" + std::string(to_string(options.audience));
    if (options.format == NotesFormat::keep_a_changelog) raw += "-changelog";
    std::string name;
    for (char c : raw) {
        const char l = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
        const bool keep = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '_';
        if (keep) {
            name += l;
        } else if (!name.empty() && name.back() != '-') {
            name += '-';
        }
    }
    while (!name.empty() && (name.back() == '-' || name.back() == '.')) name.pop_back();
    while (!name.empty() && (name.front() == '-' || name.front() == '.')) name.erase(name.begin());
    if (name.empty()) name = "release-notes";
    return name + "." + std::string(file_extension(options.format));
}

bool visible_to(const Change& change, Audience audience) {
    if (change.audience == Audience::internal) return false;
    return static_cast<int>(change.audience) >= static_cast<int>(audience);
}

std::string_view default_section_title(NotesSection section, Audience audience) {
    const bool plain = audience == Audience::end_user;
    switch (section) {
        case NotesSection::summary: return "Summary";
        case NotesSection::breaking_change: return plain ? "Changes that need your attention" : "Breaking Changes";
        case NotesSection::new_feature: return plain ? "New" : "New Features";
        case NotesSection::improvement: return plain ? "Improved" : "Improvements";
        case NotesSection::bug_fix: return plain ? "Fixed" : "Bug Fixes";
        case NotesSection::performance: return plain ? "Faster" : "Performance";
        case NotesSection::security: return "Security";
        case NotesSection::deprecation: return plain ? "Going away" : "Deprecations";
        case NotesSection::upgrade_instructions: return plain ? "Before you update" : "Upgrade Instructions";
        case NotesSection::known_issues: return plain ? "Known problems" : "Known Issues";
        case NotesSection::contributors: return "Contributors";
    }
    return "Notes";
}

Result<md::Document> build_notes(const Plan& plan, const Release& release, const NotesOptions& options) {
    if (std::optional<Error> e = check_options(options)) return *e;
    NotesBuilder builder(plan, release, options);
    return options.format == NotesFormat::keep_a_changelog ? builder.keep_a_changelog() : builder.notes();
}

Result<std::string> render_notes(const Plan& plan, const Release& release, const NotesOptions& options) {
    if (std::optional<Error> e = check_options(options)) return *e;
    NotesBuilder builder(plan, release, options);
    switch (options.format) {
        case NotesFormat::markdown: return md::to_markdown(builder.notes());
        case NotesFormat::keep_a_changelog: return builder.keep_a_changelog_text();
        case NotesFormat::html: return html_page(builder.title_text(), builder.notes());
        case NotesFormat::text: return md::to_text(builder.notes(), options.text_width);
    }
    return md::to_markdown(builder.notes());
}

}  // namespace relplan
