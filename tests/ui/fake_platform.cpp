// The platform functions the app links against, answering from FakePlatform.
#include "fake_platform.hpp"

#include <utility>

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

namespace {
void answer(const std::function<void(Result<std::string>)>& chosen) {
    if (fake_platform().answer.empty()) chosen(Error{"no file dialogs in the UI tests"});
    else chosen(std::exchange(fake_platform().answer, {}));
}
}  // namespace

void choose_open_path(OpenPurpose purpose, const std::string& folder, std::function<void(Result<std::string>)> chosen) {
    fake_platform().open_requests.push_back(purpose);
    fake_platform().dialog_folders.push_back(folder);
    answer(chosen);
}

void choose_save_path(const std::string& suggested, std::function<void(Result<std::string>)> chosen) {
    fake_platform().save_suggestions.push_back(suggested);
    answer(chosen);
}

void draw_dialogs() {}
std::string home_directory() { return "/home/tester"; }

Result<Done> save_file(const std::string& name, std::string_view bytes) {
    fake_platform().saves.push_back({name, std::string(bytes)});
    return Done{};
}

Result<std::string> read_file(const std::string& path) {
    auto it = fake_platform().files.find(path);
    if (it != fake_platform().files.end()) return it->second;
    return make_error("no such file: " + path, Error::npos, ErrorKind::not_found);
}

std::optional<std::string> load_setting(const std::string& key) {
    auto it = fake_platform().settings.find(key);
    if (it == fake_platform().settings.end()) return std::nullopt;
    return it->second;
}

Result<Done> store_setting(const std::string& key, std::string_view value) {
    if (fake_platform().settings_full) return make_error("storage is full", Error::npos, ErrorKind::io);
    fake_platform().settings[key] = std::string(value);
    return Done{};
}

void store_working_copy(std::string_view plan_json, bool unsaved, std::string_view,
                        std::function<void(Result<Done>)> stored) {
    if (fake_platform().working_copy_full) {
        stored(make_error("storage is full", Error::npos, ErrorKind::io));
        return;
    }
    fake_platform().working_copy = std::string(plan_json);
    fake_platform().working_copy_unsaved = unsaved;
    ++fake_platform().working_copies;
    stored(Done{});
}

Result<Done> copy_share_link(std::string_view plan_json, std::string_view link_params) {
    set_clipboard("#plan=" + std::string(plan_json.substr(0, 16)) + std::string(link_params));
    return Done{};
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
