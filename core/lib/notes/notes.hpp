// Release notes generated from one release of a plan, for one audience, in one format.
//
// Content, in order: a title (project, version, release name, date, [YANKED]); the theme; the
// hand-written summary (Markdown, headings shifted below the notes' own); highlights (up to 5 changes:
// breaking first, then new features, then improvements); the change sections Breaking Changes, New
// Features, Improvements, Bug Fixes, Performance, Security (CVE and GHSA ids first), Deprecations;
// Upgrade Instructions (the release's steps, or a pointer to the breaking changes; in technical notes
// also the plan's consumers whose declared range does not take this version, with the range to move
// to, and "Who to notify" with their owner and contact -- lifecycle/notify.hpp); Known Issues;
// Contributors. Empty sections are left out. The plan's settings.notes_sections reorder and retitle
// sections (listed ones first, in their order; highlights stay right after the summary).
//
// Audiences: technical notes show every change not marked internal, with scope, ticket links and
// commit ids; customer notes show changes marked customer or end-user, without internal ids (advisory
// ids stay); end-user notes are a plain-words "What's new" with the changes marked end-user. Changes
// marked internal appear in no notes and no highlights (mark one technical to show it to
// developers). Notes whose audience sees none of the release's changes say so ("No customer-facing
// changes in this release.") with the number held back. Security details are held back while the
// release's embargo_until is after `today` (or whenever `today` is unknown).
//
// Formats: CommonMark, a Keep a Changelog section, a self-contained HTML page (every plan string
// escaped, links only http/https/mailto, a Content-Security-Policy that forbids script), and plain
// text for e-mail wrapped at text_width columns. Plan strings are literal text except the summary and
// upgrade steps, which are Markdown, and change descriptions, which are inline Markdown under
// md::inline_markdown's policy (emphasis, code spans and http/https/mailto links kept in Markdown,
// rendered in HTML, stripped in text; raw HTML and block syntax are text). Output is a pure function
// of its inputs.
#pragma once

#include "notes/markdown.hpp"
#include "plan/plan.hpp"
#include "base/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace relplan {

enum class NotesFormat { markdown, keep_a_changelog, html, text };

inline constexpr NotesFormat notes_formats[] = {NotesFormat::markdown, NotesFormat::keep_a_changelog,
                                                NotesFormat::html, NotesFormat::text};
inline constexpr Audience notes_audiences[] = {Audience::technical, Audience::customer, Audience::end_user};

struct NotesOptions {
    Audience audience = Audience::technical;
    NotesFormat format = NotesFormat::markdown;
    std::optional<Date> today;  // for the security embargo; unknown = embargo in force
    int text_width = 72;        // plain text only, 20..1000
};

// "md", "keep-a-changelog", "html", "txt": the CLI's --format tokens.
std::string_view to_string(NotesFormat format);
// Accepts the tokens above and "markdown", "kac", "text".
std::optional<NotesFormat> parse_notes_format(std::string_view token);
std::string_view notes_format_label(NotesFormat format);  // "Markdown", "Keep a Changelog", ...
std::string_view file_extension(NotesFormat format);      // "md", "md", "html", "txt"
std::string_view media_type(NotesFormat format);          // "text/markdown; charset=utf-8", ...
// "acme-2.0.0-release-notes-customer.md": lower-case, [a-z0-9._-] only.
std::string notes_file_name(const Plan& plan, const Release& release, const NotesOptions& options);

// Whether notes for `audience` show `change`.
bool visible_to(const Change& change, Audience audience);
// The title a section gets without an override.
std::string_view default_section_title(NotesSection section, Audience audience);

// The notes as a document, for the live preview (the Keep a Changelog form for that format, the
// Markdown form for the others). Fails only on options out of range.
Result<md::Document> build_notes(const Plan& plan, const Release& release, const NotesOptions& options);
// The notes as file contents in options.format.
Result<std::string> render_notes(const Plan& plan, const Release& release, const NotesOptions& options);

}  // namespace relplan
