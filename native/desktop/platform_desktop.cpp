// Platform services for the desktop app: real files, a settings folder, the GLFW clipboard.
#include "platform/platform.hpp"

#include "platform_desktop.hpp"

#include "../common/file_io.hpp"
#include "plan/share_link.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

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

fs::path recovery_dir() { return config_dir() / "recovery"; }

// A document's recovery file name: the path or name with '%' and '/' escaped, so it is one file.
std::string recovery_file(std::string_view document) {
    std::string out;
    for (char c : document) {
        if (c == '%') out += "%25";
        else if (c == '/') out += "%2F";
        else out += c;
    }
    return (out.empty() ? "untitled" : out) + ".json";
}

std::string document_of(const std::string& file) {
    std::string stem = file.substr(0, file.size() - 5), out;
    for (std::size_t i = 0; i < stem.size(); ++i) {
        if (stem.compare(i, 3, "%2F") == 0) { out += '/'; i += 2; }
        else if (stem.compare(i, 3, "%25") == 0) { out += '%'; i += 2; }
        else out += stem[i];
    }
    return out;
}

// The recovery file this session wrote or restored (empty: none). Only it is ever removed.
std::string g_owned_recovery;

void drop_owned_recovery() {
    if (g_owned_recovery.empty()) return;
    std::error_code ec;
    fs::remove(recovery_dir() / g_owned_recovery, ec);
    g_owned_recovery.clear();
}

std::optional<Recovery> take(const std::string& file) {
    auto r = native::read_file((recovery_dir() / file).string(), 256ull << 20);
    if (!r) return std::nullopt;
    g_owned_recovery = file;
    return Recovery{document_of(file), std::move(r.value())};
}
}  // namespace

void set_desktop_window(GLFWwindow* w) { g_window = w; }

Abilities abilities() {
    Abilities a;
    a.file_paths = true;
    a.quit = true;
    a.share_links = true;
    a.share_address = true;
    return a;
}

// GLFW's clipboard is a C string both ways: text after a NUL byte is lost (abilities().clipboard_nul
// stays false). Reading the selection with its length would take X11/Wayland code of our own or a
// helper process per paste; instead the "Paste git log" dialog names the NUL-free forms that work
// (plain `git log A..B` keeps whole messages, `git log --oneline` their subjects) and warns off -z.
std::string clipboard_text() {
    const char* text = g_window ? glfwGetClipboardString(g_window) : nullptr;
    return text ? text : "";
}

void set_clipboard(const std::string& text) {
    if (g_window) glfwSetClipboardString(g_window, text.c_str());
}

void request_open(OpenPurpose) {}

std::string home_directory() {
    const char* h = std::getenv("HOME");
    return h && *h ? h : "/";
}

Result<Done> save_file(const std::string& name, std::string_view bytes) {
    auto r = native::write_file_atomic(name, bytes, true);
    if (!r) return r.error();
    return Done{};
}

Result<std::string> read_file(const std::string& path) { return native::read_file(path, 100ull << 20, true); }

std::optional<std::string> load_setting(const std::string& key) {
    auto r = native::read_file(setting_path(key).string(), 16u << 20);
    if (!r) return std::nullopt;
    return std::move(r.value());
}

Result<Done> store_setting(const std::string& key, std::string_view value) {
    std::error_code ec;
    fs::create_directories(config_dir(), ec);  // a failure shows in the write's error
    auto r = native::write_file_atomic(setting_path(key).string(), value);
    if (!r) return r.error();
    return Done{};
}

void store_working_copy(std::string_view plan_json, bool unsaved, std::string_view document,
                        std::function<void(Result<Done>)> stored) {
    if (!unsaved) {  // saved, or the user discarded the changes
        drop_owned_recovery();
        stored(Done{});
        return;
    }
    std::string file = recovery_file(document);
    std::error_code ec;
    fs::create_directories(recovery_dir(), ec);  // a failure shows in the write's error
    auto written = native::write_file_atomic((recovery_dir() / file).string(), plan_json);
    if (!written) {
        stored(written.error());
        return;
    }
    if (g_owned_recovery != file) drop_owned_recovery();  // the document was renamed (Save As)
    g_owned_recovery = file;
    stored(Done{});
}

std::optional<Recovery> take_recovery(const std::string& document) {
    return take(recovery_file(document));
}

std::optional<Recovery> take_newest_recovery() {
    std::error_code ec;
    std::string newest;
    fs::file_time_type newest_time{};
    for (fs::directory_iterator it(recovery_dir(), ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.size() < 6 || name.compare(name.size() - 5, 5, ".json") != 0) continue;
        std::error_code ec2;
        auto t = it->last_write_time(ec2);
        if (!ec2 && (newest.empty() || t > newest_time)) {
            newest = name;
            newest_time = t;
        }
    }
    if (newest.empty()) return std::nullopt;
    return take(newest);
}

Result<Done> copy_share_link(std::string_view plan_json, std::string_view link_params) {
    std::string address = load_setting("share_address").value_or("");
    address.erase(address.find_last_not_of(" \t\r\n") + 1);  // a hand-edited file's final newline
    auto link = make_share_link(plan_json, address, read_share_link_params(link_params));
    if (!link) return link.error();
    set_clipboard(*link);
    return Done{};
}

// One file per kept version, <revision>.json; the oldest written goes first beyond the cap.
void store_snapshot(const std::string& revision, std::string_view plan_json) {
    if (revision.empty() || revision.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz") != std::string::npos) return;
    const fs::path dir = config_dir() / "snapshots";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (fs::exists(dir / (revision + ".json"), ec)) return;
    if (!native::write_file_atomic((dir / (revision + ".json")).string(), plan_json)) return;
    std::vector<std::pair<fs::file_time_type, fs::path>> kept;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code ec2;
        if (it->path().extension() == ".json") kept.emplace_back(it->last_write_time(ec2), it->path());
    }
    if (kept.size() <= static_cast<std::size_t>(max_snapshots)) return;
    std::sort(kept.begin(), kept.end());
    for (std::size_t i = 0; i + max_snapshots < kept.size(); ++i) fs::remove(kept[i].second, ec);
}

void find_snapshot(const std::vector<std::string>& revisions, std::function<void(std::optional<Snapshot>)> found) {
    for (const std::string& r : revisions) {
        if (r.empty() || r.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz") != std::string::npos) continue;
        auto json = native::read_file((config_dir() / "snapshots" / (r + ".json")).string(), 64ull << 20);
        if (json) {
            found(Snapshot{r, std::move(json.value())});
            return;
        }
    }
    found(std::nullopt);
}
void set_unsaved(bool) {}
void view_changed(std::string_view) {}

void request_quit() {
    if (g_window) glfwSetWindowShouldClose(g_window, GLFW_TRUE);
}

bool system_prefers_dark() {
    const char* t = std::getenv("RELPLAN_THEME");
    return t && std::string_view(t) == "dark";
}

}  // namespace relplan::ui::platform
