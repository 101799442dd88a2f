// Platform services for the desktop app: real files, a settings folder, the GLFW clipboard.
#include "platform/platform.hpp"

#include "../common/file_io.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace relplan::ui::platform {

namespace fs = std::filesystem;

namespace {
GLFWwindow* g_window = nullptr;

fs::path config_dir() {
    if (const char* x = std::getenv("RELPLAN_CONFIG_DIR"); x && *x) return x;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return fs::path(x) / "relplan";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".config" / "relplan";
    return fs::temp_directory_path() / "relplan";
}

fs::path setting_path(const std::string& key) { return config_dir() / (key + ".txt"); }
}  // namespace

void set_desktop_window(GLFWwindow* w) { g_window = w; }

Abilities abilities() { return Abilities{true, false, true}; }

void set_clipboard(const std::string& text) {
    if (g_window) glfwSetClipboardString(g_window, text.c_str());
}

void request_open(OpenPurpose) {}

std::vector<DirEntry> list_directory(const std::string& dir) {
    std::vector<DirEntry> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code ec2;
        out.push_back({name, it->is_directory(ec2)});
    }
    std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) {
        return a.is_dir != b.is_dir ? a.is_dir : a.name < b.name;
    });
    return out;
}

std::string home_directory() {
    const char* h = std::getenv("HOME");
    return h && *h ? h : "/";
}

std::optional<std::string> save_file(const std::string& name, std::string_view bytes) {
    auto r = native::write_file_atomic(name, bytes, true);
    if (!r) return r.error().message;
    return std::nullopt;
}

std::optional<std::string> read_file(const std::string& path, std::string* error) {
    auto r = native::read_file(path, 100ull << 20, true);
    if (!r) {
        if (error) *error = r.error().message;
        return std::nullopt;
    }
    return std::move(r.value());
}

std::optional<std::string> load_setting(const std::string& key) {
    auto r = native::read_file(setting_path(key).string(), 16u << 20);
    if (!r) return std::nullopt;
    return std::move(r.value());
}

void store_setting(const std::string& key, std::string_view value) {
    std::error_code ec;
    fs::create_directories(config_dir(), ec);
    (void)native::write_file_atomic(setting_path(key).string(), value);
}

void store_working_copy(std::string_view plan_json, bool unsaved) {
    if (unsaved) {
        store_setting("recovery.plan", plan_json);
        return;
    }
    std::error_code ec;
    fs::remove(setting_path("recovery.plan"), ec);
}

void copy_share_link(std::string_view) {}
void set_unsaved(bool) {}

void request_quit() {
    if (g_window) glfwSetWindowShouldClose(g_window, GLFW_TRUE);
}

bool system_prefers_dark() {
    const char* t = std::getenv("RELPLAN_THEME");
    return t && std::string_view(t) == "dark";
}

}  // namespace relplan::ui::platform
