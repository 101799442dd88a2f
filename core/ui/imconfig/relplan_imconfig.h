// Project ImGui configuration, shared by the desktop app and the page.
#pragma once
// Dense timelines exceed 65,535 vertices per draw list; 32-bit indices work in GL 3.3 and WebGL2.
#define ImDrawIdx unsigned int
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// Code points above U+FFFF (emoji, rare CJK) are single characters in text fields and the font atlas.
#define IMGUI_USE_WCHAR32
