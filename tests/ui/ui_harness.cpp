#include "ui_harness.hpp"

#include "fake_platform.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

namespace {
bool asserts_throw = true;  // off while a context is torn down (a destructor must not throw)
}

void relplan_imgui_assert_failed(const char* expression, const char* file, int line) {
    if (!asserts_throw) return;
    throw relplan::ui::test::ImGuiAssertion(std::string("ImGui assertion failed: ") + expression + " (" + file + ":" +
                                            std::to_string(line) + ")");
}

namespace relplan::ui::test {

namespace {

const char* get_clipboard(void*) { return fake_platform().clipboard.c_str(); }
void set_clipboard(void*, const char* text) { platform::set_clipboard(text ? text : ""); }

// What the GLFW backend sets up: key map, clipboard, display; fonts built once as a backend would
// upload them (the pixels are not used).
void configure_io() {
    ImGuiIO& io = ImGui::GetIO();
    const std::pair<ImGuiKey, int> keys[] = {
        {ImGuiKey_Tab, key::tab},     {ImGuiKey_LeftArrow, key::left},  {ImGuiKey_RightArrow, key::right},
        {ImGuiKey_UpArrow, key::up},  {ImGuiKey_DownArrow, key::down},  {ImGuiKey_PageUp, 266},
        {ImGuiKey_PageDown, 267},     {ImGuiKey_Home, 268},             {ImGuiKey_End, 269},
        {ImGuiKey_Insert, 260},       {ImGuiKey_Delete, key::del},      {ImGuiKey_Backspace, key::backspace},
        {ImGuiKey_Space, ' '},        {ImGuiKey_Enter, key::enter},     {ImGuiKey_Escape, key::escape},
        {ImGuiKey_KeyPadEnter, 335},  {ImGuiKey_A, 'A'},                {ImGuiKey_C, 'C'},
        {ImGuiKey_V, 'V'},            {ImGuiKey_X, 'X'},                {ImGuiKey_Y, 'Y'},
        {ImGuiKey_Z, 'Z'}};
    for (const auto& [imgui_key, code] : keys) io.KeyMap[imgui_key] = code;
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    io.DisplaySize = ImVec2(1440.0f, 900.0f);
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

void build_font_pixels() {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

}  // namespace

UiHarness::UiHarness(AppConfig config, platform::Abilities abilities) {
    fake_platform() = FakePlatform{};
    fake_platform().abilities = abilities;
    asserts_throw = true;
    context_ = ImGui::CreateContext();
    configure_io();
    app_ = std::make_unique<App>(std::move(config));
    frames(2);  // the first frames lay out windows and publish the anchors
}

UiHarness::~UiHarness() {
    asserts_throw = false;
    app_.reset();
    ImGui::DestroyContext(context_);
}

void UiHarness::frame() {
    if (app_->needs_font_rebuild()) {
        app_->build_fonts();
        build_font_pixels();
    }
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    app_->frame();
    ImGui::Render();  // draw data is produced and ignored: nothing renders it
}

void UiHarness::frames(int n) {
    ImGuiIO& io = ImGui::GetIO();
    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
    std::fill(std::begin(io.MouseDown), std::end(io.MouseDown), false);
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
    for (int i = 0; i < n; ++i) frame();
}

std::optional<test_hooks::Rect> UiHarness::find(std::string_view anchor) const { return test_hooks::find_anchor(anchor); }

bool UiHarness::click(std::string_view anchor) {
    std::optional<test_hooks::Rect> r = find(anchor);
    if (!r) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(r->x + std::min(r->w / 2.0f, 12.0f), r->y + r->h / 2.0f);
    frames(1);  // hover first, as a real pointer arrives before it presses
    io.MouseDown[0] = true;
    frame();
    frames(4);
    return true;
}

bool UiHarness::scroll_to(std::string_view anchor, float x, float y, int notches) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    for (int i = 0; i < notches && !find(anchor); ++i) {
        frames(1);
        io.MouseWheel = -1.0f;
        frame();
        io.MouseWheel = 0.0f;
    }
    frames(2);
    return find(anchor).has_value();
}

void UiHarness::press_and_drag(float x0, float x1, float y, int steps) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x0, y);
    frames(1);
    io.MouseDown[0] = true;
    frame();
    for (int i = 1; i <= steps; ++i) {
        io.MousePos = ImVec2(x0 + (x1 - x0) * static_cast<float>(i) / static_cast<float>(steps), y);
        frame();
    }
}

void UiHarness::release() { frames(4); }

void UiHarness::type(std::string_view utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(std::string(utf8).c_str());
    frames(1);
}

void UiHarness::press(Chord chord) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[chord.key] = true;
    io.KeyCtrl = chord.ctrl;
    io.KeyShift = chord.shift;
    frame();
    frames(3);
}

std::string UiHarness::fact(std::string_view name) const { return test_hooks::fact(name).value_or("<no such fact>"); }

}  // namespace relplan::ui::test
