// Platform services for the page. Each one is a thin EM_JS call into relplan_api.js, where the
// browser APIs (clipboard, file input, downloads, localStorage, IndexedDB, CompressionStream) live.
#include "platform/platform.hpp"

#include "web_host.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

// Decoded with its length (UTF8ToString stops at a NUL byte).
EM_JS(void, js_set_clipboard, (const char* text, int length),
      { Module.relplanCopy(new TextDecoder().decode(HEAPU8.slice(text, text + length))); });
EM_JS(void, js_request_open, (int purpose), { Module.relplanPickFile(purpose); });
EM_JS(void, js_download, (const char* name, const char* data, int length),
      { Module.relplanDownload(UTF8ToString(name), HEAPU8.slice(data, data + length)); });
EM_JS(char*, js_load_setting, (const char* key), {
    var v = Module.relplanLoadSetting(UTF8ToString(key));
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(int, js_store_setting, (const char* key, const char* value, int length), {
    return Module.relplanStoreSetting(UTF8ToString(key), UTF8ToString(value, length)) ? 1 : 0;
});
EM_JS(void, js_store_working_copy, (const char* json, int length, int unsaved, int id),
      { Module.relplanStoreWorkingCopy(UTF8ToString(json, length), unsaved !== 0, id); });
EM_JS(void, js_copy_share_link, (const char* json, int length, const char* params),
      { Module.relplanShareLink(UTF8ToString(json, length), UTF8ToString(params)); });
EM_JS(void, js_store_snapshot, (const char* revision, const char* json, int length),
      { Module.relplanStoreSnapshot(UTF8ToString(revision), UTF8ToString(json, length)); });
EM_JS(void, js_find_snapshot, (int id, const char* revisions),
      { Module.relplanFindSnapshot(id, UTF8ToString(revisions).split(",")); });
EM_JS(void, js_set_unsaved, (int unsaved), { Module.relplanUnsaved = unsaved !== 0; });
EM_JS(int, js_prefers_dark, (), { return Module.relplanPrefersDark() ? 1 : 0; });
EM_JS(void, js_view_changed, (const char* name), { Module.relplanViewChanged(UTF8ToString(name)); });
EM_JS(void, js_request_fonts, (int id, const char32_t* code_points, int count),
      { Module.relplanRequestFonts(id, Array.from(HEAPU32.subarray(code_points >> 2, (code_points >> 2) + count))); });

extern "C" {

// relplan_api.js answering platform::store_working_copy: written (problem null) or why not.
EMSCRIPTEN_KEEPALIVE void relplan_working_copy_stored(int id, const char* problem) {
    auto& writes = relplan::web::host().working_copy_writes;
    auto it = writes.find(id);
    if (it == writes.end()) return;
    auto stored = std::move(it->second);
    writes.erase(it);
    if (problem) stored(relplan::make_error(problem, relplan::Error::npos, relplan::ErrorKind::io));
    else stored(relplan::Done{});
}

// relplan_api.js answering platform::find_snapshot: the kept version found (revision null: none).
EMSCRIPTEN_KEEPALIVE void relplan_snapshot_found(int id, const char* revision, const char* json, int length) {
    auto& requests = relplan::web::host().snapshot_requests;
    auto it = requests.find(id);
    if (it == requests.end()) return;
    auto found = std::move(it->second);
    requests.erase(it);
    if (!revision) found(std::nullopt);
    else found(relplan::ui::platform::Snapshot{revision, std::string(json, static_cast<size_t>(length))});
}

// relplan_api.js answering platform::request_fonts: a fetched font file, or why it could not be had.
EMSCRIPTEN_KEEPALIVE void relplan_font_arrived(int id, const char* name, const char* bytes, int length) {
    auto& requests = relplan::web::host().font_requests;
    auto it = requests.find(id);
    if (it == requests.end()) return;
    it->second(relplan::ui::platform::FontFile{name, std::string(bytes, static_cast<size_t>(length)), 0});
}

EMSCRIPTEN_KEEPALIVE void relplan_font_failed(int id, const char* message) {
    auto& requests = relplan::web::host().font_requests;
    auto it = requests.find(id);
    if (it == requests.end()) return;
    it->second(relplan::make_error(message));
}

// No more files will come for the request.
EMSCRIPTEN_KEEPALIVE void relplan_fonts_done(int id) { relplan::web::host().font_requests.erase(id); }

}  // extern "C"

namespace relplan::ui::platform {

Abilities abilities() {
    Abilities a;
    a.share_links = true;
    a.clipboard_nul = true;
    return a;
}

std::string clipboard_text() { return web::host().clipboard; }

// Kept in the page too, so a paste inside the app finds what the app copied even when the browser
// did not allow writing the system clipboard.
void set_clipboard(const std::string& text) {
    web::host().clipboard = text;
    js_set_clipboard(text.data(), static_cast<int>(text.size()));
}

void request_open(OpenPurpose purpose) { js_request_open(static_cast<int>(purpose)); }

void choose_open_path(OpenPurpose, const std::string&, std::function<void(Result<std::string>)> chosen) {
    chosen(make_error("the page has no file paths; File > Open uses the browser's file picker"));
}
void choose_save_path(const std::string&, std::function<void(Result<std::string>)> chosen) {
    chosen(make_error("the page has no file paths; saving downloads the file"));
}

void draw_dialogs() {}
std::string home_directory() { return {}; }

Result<Done> save_file(const std::string& name, std::string_view bytes) {
    js_download(name.c_str(), bytes.data(), static_cast<int>(bytes.size()));
    return Done{};
}

Result<std::string> read_file(const std::string& path) {
    return make_error("the page cannot read " + path + " directly; use File > Open", Error::npos, ErrorKind::unsupported);
}

std::optional<std::string> load_setting(const std::string& key) {
    char* p = js_load_setting(key.c_str());
    if (!p) return std::nullopt;
    std::string v(p);
    std::free(p);
    return v;
}

Result<Done> store_setting(const std::string& key, std::string_view value) {
    if (js_store_setting(key.c_str(), value.data(), static_cast<int>(value.size())) == 0)
        return make_error("the browser did not keep the setting \"" + key + "\" (its storage is full or blocked)",
                          Error::npos, ErrorKind::io);
    return Done{};
}

void store_working_copy(std::string_view plan_json, bool unsaved, std::string_view,
                        std::function<void(Result<Done>)> stored) {
    web::WebHost& h = web::host();
    const int id = h.next_working_copy_write++;
    h.working_copy_writes[id] = std::move(stored);
    js_store_working_copy(plan_json.data(), static_cast<int>(plan_json.size()), unsaved ? 1 : 0, id);
}

Result<Done> copy_share_link(std::string_view plan_json, std::string_view link_params) {
    js_copy_share_link(plan_json.data(), static_cast<int>(plan_json.size()), std::string(link_params).c_str());
    return Done{};
}

void store_snapshot(const std::string& revision, std::string_view plan_json) {
    js_store_snapshot(revision.c_str(), plan_json.data(), static_cast<int>(plan_json.size()));
}

void find_snapshot(const std::vector<std::string>& revisions, std::function<void(std::optional<Snapshot>)> found) {
    std::string list;
    for (const std::string& r : revisions) list += (list.empty() ? "" : ",") + r;
    web::WebHost& h = web::host();
    const int id = h.next_snapshot_request++;
    h.snapshot_requests[id] = std::move(found);
    js_find_snapshot(id, list.c_str());
}

void set_unsaved(bool unsaved) { js_set_unsaved(unsaved ? 1 : 0); }
void request_quit() {}
bool system_prefers_dark() { return js_prefers_dark() != 0; }

void view_changed(std::string_view name) { js_view_changed(std::string(name).c_str()); }

void request_fonts(const std::vector<char32_t>& code_points, std::function<void(Result<FontFile>)> arrived) {
    web::WebHost& h = web::host();
    int id = h.next_font_request++;
    h.font_requests[id] = std::move(arrived);
    js_request_fonts(id, code_points.data(), static_cast<int>(code_points.size()));
}

}  // namespace relplan::ui::platform
