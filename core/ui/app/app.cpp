#include "app/app.hpp"

#include "app/plan_io.hpp"
#include "views/views.hpp"

#include "base/assets.hpp"

#include <imgui.h>

#include <algorithm>

namespace relplan::ui {

namespace {

constexpr const char* default_example = "examples/acme.plan.json";

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void load_settings(App::State& s) {
    if (auto theme = platform::load_setting("theme"); theme && s.config.theme.empty()) s.config.theme = *theme;
    s.dark = s.config.theme == "dark" || (s.config.theme.empty() && platform::system_prefers_dark());
    if (auto recent = platform::load_setting("recent")) {
        std::size_t start = 0;
        while (start < recent->size()) {
            std::size_t end = recent->find('\n', start);
            if (end == std::string::npos) end = recent->size();
            if (end > start) s.recent_files.push_back(recent->substr(start, end - start));
            start = end + 1;
        }
    }
    if (auto ini = platform::load_setting("layout")) ImGui::LoadIniSettingsFromMemory(ini->data(), ini->size());
}

}  // namespace

bool keep_setting(App::State& s, const std::string& key, std::string_view value) {
    auto kept = platform::store_setting(key, value);
    if (!kept) s.flash("App setting not kept for next time: " + kept.error().message, ImGui::GetTime());
    return kept.ok();
}

void remember_recent(App::State& s, const std::string& path) {
    if (!platform::abilities().file_paths || path.empty()) return;
    s.recent_files.erase(std::remove(s.recent_files.begin(), s.recent_files.end(), path), s.recent_files.end());
    s.recent_files.insert(s.recent_files.begin(), path);
    if (s.recent_files.size() > 8) s.recent_files.resize(8);
    std::string joined;
    for (const auto& r : s.recent_files) joined += r + "\n";
    keep_setting(s, "recent", joined);
}

void set_theme(App::State& s, const std::string& theme) {
    s.config.theme = theme;
    s.dark = theme == "dark" || (theme.empty() && platform::system_prefers_dark());
    keep_setting(s, "theme", theme);
    apply_theme(s.dark, s.config.ui_scale);
}

App::App(AppConfig config) : s_(std::make_unique<State>()) {
    s_->config = std::move(config);
    ImGui::GetIO().IniFilename = nullptr;  // layout goes through platform settings instead
    load_settings(*s_);
    apply_theme(s_->dark, s_->config.ui_scale);
    LoadReport r = load_plan_text(assets::get(default_example), "acme.plan.json");
    if (!r.ok) s_->messages.push_back({"The built-in example plan did not load", r.errors});
    s_->stored_revision = s_->doc.revision();  // the built-in example needs no working copy
}

App::~App() = default;

void App::build_fonts() {
    const bool was_full = s_->glyphs.full_base;
    build_font_atlas(s_->config.ui_scale, s_->glyphs);
    // Text noted against the startup atlas is noted again: the full one tells which base code points
    // the embedded font lacks (they come from fallback fonts).
    if (s_->glyphs.full_base && !was_full) s_->glyph_revision = ~0u;
    s_->built_scale = s_->config.ui_scale;
    s_->fonts_dirty = false;
}

void App::limit_frame_time() {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = std::clamp(io.DeltaTime, 1.0f / 1000.0f, 1.0f / 10.0f);  // the lower bound: rAF can repeat a timestamp
}

bool App::needs_font_rebuild() const {
    return s_->fonts_dirty || s_->glyphs.dirty || s_->built_scale != s_->config.ui_scale || heading_faces_pending() ||
           s_->glyphs.full_base != s_->glyphs.full_base_wanted;
}

void App::set_ui_scale(float scale) {
    if (scale <= 0.0f || scale == s_->config.ui_scale) return;
    s_->config.ui_scale = scale;
    apply_theme(s_->dark, scale);
}

LoadReport App::load_plan_text(std::string_view text, const std::string& name) {
    ParsedPlan parsed = parse_plan_for_app(text, name);
    if (!parsed.report.ok) return parsed.report;
    s_->doc.reset(std::move(parsed.plan), base_name(name), "");
    s_->selected_release = s_->doc.plan.releases.empty() ? "" : s_->doc.plan.releases.front().id;
    return parsed.report;
}

std::string App::export_plan_text() const { return plan_to_json(s_->doc.plan); }

void App::show_view(const std::string& name) { s_->config.initial_tab = name; }

void App::open_bytes(platform::OpenPurpose purpose, const std::string& name, std::string_view bytes) {
    State& s = *s_;
    switch (purpose) {
    case platform::OpenPurpose::plan: {
        LoadReport r = load_plan_text(bytes, name);
        if (!r.ok) {
            s.messages.push_back({"Could not open " + name + " (the open plan is unchanged)", r.errors});
            return;
        }
        if (!r.notes.empty()) s.messages.push_back({"Opened " + name, r.notes});
        s.flash("Opened " + name, ImGui::GetTime());
        return;
    }
    case platform::OpenPurpose::import_changelog: {
        std::vector<std::string> errors;
        if (!import_changelog_into(s.doc.plan, bytes, name, errors)) {
            s.messages.push_back({"Could not import " + name + " (the open plan is unchanged)", errors});
            return;
        }
        s.doc.touch();
        s.flash("Imported releases from " + name, ImGui::GetTime());
        return;
    }
    case platform::OpenPurpose::import_ics: {
        std::vector<std::string> errors;
        if (!import_ics_into(s.doc.plan, bytes, name, errors)) {
            s.messages.push_back({"Could not import " + name + " (the open plan is unchanged)", errors});
            return;
        }
        s.doc.touch();
        if (!errors.empty()) s.messages.push_back({"Imported " + name + " with warnings", errors});
        s.flash("Imported holidays and blackouts from " + name, ImGui::GetTime());
        return;
    }
    case platform::OpenPurpose::compare: {
        ParsedPlan parsed = parse_plan_for_app(bytes, name);
        if (!parsed.report.ok) {
            s.messages.push_back({"Could not compare with " + name, parsed.report.errors});
            return;
        }
        start_compare(s, std::move(parsed.plan), "Compared with " + name, false, true);
        return;
    }
    case platform::OpenPurpose::import_consumers:
    case platform::OpenPurpose::import_dependency_support: {
        const bool consumers = purpose == platform::OpenPurpose::import_consumers;
        std::vector<std::string> lines;
        const bool ok = consumers ? import_consumers_into(s.doc.plan, bytes, name, lines)
                                  : import_dependency_support_into(s.doc.plan, bytes, name, lines);
        if (!ok) {
            s.messages.push_back({"Nothing imported from " + name + " (the open plan is unchanged)", lines});
            return;
        }
        s.doc.touch();
        s.flash(lines.front(), ImGui::GetTime());
        return;
    }
    }
}

LoadReport App::open_shared_plan(std::string_view text, const std::string& name, const ShareRevision& names) {
    ParsedPlan parsed = parse_plan_for_app(text, name);
    const Plan& open = s_->doc.plan;
    if (parsed.report.ok && !open.project.id.empty() && parsed.plan.project.id == open.project.id) {
        if (!(parsed.plan == open)) offer_shared_plan(*s_, std::move(parsed.plan), names);
        else remember_shared_version(*s_, parsed.plan, names);
        return parsed.report;
    }
    LoadReport r = load_plan_text(text, name);
    if (r.ok) remember_shared_version(*s_, s_->doc.plan, names);
    return r;
}

void App::open_path(const std::string& path) {
    auto bytes = platform::read_file(path);
    if (!bytes) {
        s_->messages.push_back({"Could not open " + path, {bytes.error().message}});
        return;
    }
    const std::string file = base_name(path);
    if (file == "package.json" || file == "package-lock.json") {  // npm's files: consumers of our package
        open_bytes(platform::OpenPurpose::import_consumers, file, *bytes);
        return;
    }
    bool changelog = path.size() >= 3 && path.compare(path.size() - 3, 3, ".md") == 0;
    bool ics = path.size() >= 4 && path.compare(path.size() - 4, 4, ".ics") == 0;
    if (changelog || ics) {
        open_bytes(changelog ? platform::OpenPurpose::import_changelog : platform::OpenPurpose::import_ics,
                   base_name(path), *bytes);
        return;
    }
    LoadReport r = load_plan_text(*bytes, path);
    if (!r.ok) {
        s_->messages.push_back({"Could not open " + path + " (the open plan is unchanged)", r.errors});
        return;
    }
    s_->doc.mark_saved(base_name(path), path);
    remember_recent(*s_, path);
}

void App::restore_recovery(std::string_view plan_json, bool unsaved, const std::string& document) {
    LoadReport r = load_plan_text(plan_json, document.empty() ? "recovered.plan.json" : document);
    if (!r.ok) return;  // a damaged recovery copy is ignored; the example plan stays open
    if (!document.empty()) s_->doc.mark_saved(base_name(document), document.front() == '/' ? document : "");
    if (!unsaved) return;
    s_->doc.mark_unsaved();
    s_->messages.push_back({"Recovered unsaved work",
                            {"The last session ended with unsaved changes; they are open now.",
                             "Save them (Ctrl+S) or open another plan to discard them."}});
}

void App::show_message(std::string title, std::vector<std::string> lines) {
    s_->messages.push_back({std::move(title), std::move(lines)});
}

bool App::has_unsaved_changes() const { return s_->doc.dirty(); }

void App::offer_second_tab(const std::string& plan_name) {
    if (plan_name == s_->doc.plan.project.name) s_->second_tab = plan_name;
}

bool App::request_close() {
    if (!s_->doc.dirty()) return true;
    s_->confirm_discard_open = true;
    s_->pending_after_discard = act_quit;
    return false;
}

}  // namespace relplan::ui
