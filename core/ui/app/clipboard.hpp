// The clipboard as the app's text fields see it. Hosts carry the clipboard's text with its length
// (platform::clipboard_text); Dear ImGui's text fields take C strings and cannot hold a NUL byte, yet
// `git log -z` separates commit messages with NULs. So a pasted NUL becomes a line holding only
// U+2400 SYMBOL FOR NULL ("␀", the character's own picture), which the user sees and can edit, and
// readers of pasted commit lists (split_pasted_commits) take such lines as NUL separators again.
#pragma once

#include "app/app.hpp"

#include <string>
#include <string_view>

namespace relplan::ui {

// The separator line's text (UTF-8), without the line break.
inline constexpr std::string_view nul_marker = "\xE2\x90\x80";

// `clipboard` with every NUL replaced by a line holding only nul_marker (a line break is added
// before it when the text before does not end one).
std::string text_for_fields(std::string_view clipboard);
// The reverse: lines holding only nul_marker (spaces and \r around it allowed) become NUL bytes; the
// line break (\n or \r\n) before each marker line goes with it. Other text is returned as it is.
std::string nul_separated(std::string_view field_text);

// Routes Dear ImGui's clipboard through the platform (called every frame: backends install their own
// C-string handlers when they start). Pasted text is noted for the fallback fonts (app/glyphs.hpp).
void route_clipboard(App::State& s);

}  // namespace relplan::ui
