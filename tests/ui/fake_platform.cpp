// The platform functions the app links against, answering from FakePlatform.
#include "fake_platform.hpp"

namespace relplan::ui::test {

FakePlatform& fake_platform() {
    static FakePlatform p;
    return p;
}

}  // namespace relplan::ui::test

namespace relplan::ui::platform {

using test::fake_platform;

Abilities abilities() { return fake_platform().abilities; }

// Like the hosts: the page's clipboard keeps NUL bytes, GLFW's ends at the first one.
std::string clipboard_text() {
    const std::string& text = fake_platform().clipboard;
    return fake_platform().abilities.clipboard_nul ? text : text.substr(0, text.find('\0'));
}

void set_clipboard(const std::string& text) {
    fake_platform().clipboard = text;
    fake_platform().copied.push_back(text);
}

void request_open(OpenPurpose purpose) { fake_platform().open_requests.push_back(purpose); }

void choose_open_path(OpenPurpose purpose, const std::string&, std::function<void(Result<std::string>)> chosen) {
    fake_platform().open_requests.push_back(purpose);
    chosen(Error{"no file dialogs in the UI tests"});
}

void choose_save_path(const std::string&, std::function<void(Result<std::string>)> chosen) {
    chosen(Error{"no file dialogs in the UI tests"});
}

std::vector<DirEntry> list_directory(const std::string&) { return {}; }
std::string home_directory() { return "/home/tester"; }

std::optional<std::string> save_file(const std::string& name, std::string_view bytes) {
    fake_platform().saves.push_back({name, std::string(bytes)});
    return std::nullopt;
}

std::optional<std::string> read_file(const std::string& path, std::string* error) {
    auto it = fake_platform().files.find(path);
    if (it != fake_platform().files.end()) return it->second;
    if (error) *error = "no such file: " + path;
    return std::nullopt;
}

std::optional<std::string> load_setting(const std::string& key) {
    auto it = fake_platform().settings.find(key);
    if (it == fake_platform().settings.end()) return std::nullopt;
    return it->second;
}

void store_setting(const std::string& key, std::string_view value) { fake_platform().settings[key] = std::string(value); }

void store_working_copy(std::string_view plan_json, bool unsaved, std::string_view) {
    fake_platform().working_copy = std::string(plan_json);
    fake_platform().working_copy_unsaved = unsaved;
    ++fake_platform().working_copies;
}

std::optional<std::string> copy_share_link(std::string_view plan_json, std::string_view link_params) {
    set_clipboard("#plan=" + std::string(plan_json.substr(0, 16)) + std::string(link_params));
    return std::nullopt;
}

void store_snapshot(const std::string& revision, std::string_view plan_json) {
    fake_platform().snapshots.emplace(revision, std::string(plan_json));
}

void find_snapshot(const std::vector<std::string>& revisions, std::function<void(std::optional<Snapshot>)> found) {
    for (const std::string& r : revisions) {
        auto it = fake_platform().snapshots.find(r);
        if (it != fake_platform().snapshots.end()) return found(Snapshot{r, it->second});
    }
    found(std::nullopt);
}
void set_unsaved(bool unsaved) { fake_platform().unsaved = unsaved; }
void view_changed(std::string_view name) { fake_platform().views.emplace_back(name); }
void request_quit() { ++fake_platform().quit_requests; }
bool system_prefers_dark() { return false; }

void request_fonts(const std::vector<char32_t>&, std::function<void(Result<FontFile>)>) {}

}  // namespace relplan::ui::platform
