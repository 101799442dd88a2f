// Platform services for the page. Each one is a thin EM_JS call into relplan_api.js, where the
// browser APIs (clipboard, file input, downloads, localStorage, IndexedDB, CompressionStream) live.
#include "platform/platform.hpp"

#include "web_host.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <vector>

EM_JS(void, js_set_clipboard, (const char* text), { Module.relplanCopy(UTF8ToString(text)); });
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
EM_JS(void, js_store_setting, (const char* key, const char* value, int length), {
    Module.relplanStoreSetting(UTF8ToString(key), UTF8ToString(value, length));
});
EM_JS(void, js_store_working_copy, (const char* json, int length, int unsaved),
      { Module.relplanStoreWorkingCopy(UTF8ToString(json, length), unsaved !== 0); });
EM_JS(void, js_copy_share_link, (const char* json, int length), { Module.relplanShareLink(UTF8ToString(json, length)); });
EM_JS(void, js_set_unsaved, (int unsaved), { Module.relplanUnsaved = unsaved !== 0; });
EM_JS(int, js_prefers_dark, (), { return Module.relplanPrefersDark() ? 1 : 0; });
EM_JS(void, js_view_changed, (const char* name), { Module.relplanViewChanged(UTF8ToString(name)); });
EM_JS(void, js_request_fonts, (int id, const char32_t* code_points, int count),
      { Module.relplanRequestFonts(id, Array.from(HEAPU32.subarray(code_points >> 2, (code_points >> 2) + count))); });

extern "C" {

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

Abilities abilities() { return Abilities{false, true, false}; }

void set_clipboard(const std::string& text) { js_set_clipboard(text.c_str()); }

void request_open(OpenPurpose purpose) { js_request_open(static_cast<int>(purpose)); }

void choose_open_path(OpenPurpose, const std::string&, std::function<void(Result<std::string>)> chosen) {
    chosen(make_error("the page has no file paths; File > Open uses the browser's file picker"));
}
void choose_save_path(const std::string&, std::function<void(Result<std::string>)> chosen) {
    chosen(make_error("the page has no file paths; saving downloads the file"));
}

std::vector<DirEntry> list_directory(const std::string&) { return {}; }
std::string home_directory() { return {}; }

std::optional<std::string> save_file(const std::string& name, std::string_view bytes) {
    js_download(name.c_str(), bytes.data(), static_cast<int>(bytes.size()));
    return std::nullopt;
}

std::optional<std::string> read_file(const std::string& path, std::string* error) {
    if (error) *error = "the page cannot read " + path + " directly; use File > Open";
    return std::nullopt;
}

std::optional<std::string> load_setting(const std::string& key) {
    char* p = js_load_setting(key.c_str());
    if (!p) return std::nullopt;
    std::string v(p);
    std::free(p);
    return v;
}

void store_setting(const std::string& key, std::string_view value) {
    js_store_setting(key.c_str(), value.data(), static_cast<int>(value.size()));
}

void store_working_copy(std::string_view plan_json, bool unsaved, std::string_view) {
    js_store_working_copy(plan_json.data(), static_cast<int>(plan_json.size()), unsaved ? 1 : 0);
}

void copy_share_link(std::string_view plan_json) {
    js_copy_share_link(plan_json.data(), static_cast<int>(plan_json.size()));
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
