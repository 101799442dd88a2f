#include "file_browser.hpp"

#include "platform/platform.hpp"
#include "app/test_anchors.hpp"
#include "widgets/dialog_keys.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

namespace fs = std::filesystem;

namespace relplan::desktop {
namespace {

struct Entry {
    std::string name;
    bool is_dir = false;
};

struct Browser {
    BrowseFor mode = BrowseFor::open;
    bool opening = false;  // OpenPopup in the next frame
    std::string folder;
    std::string name;
    std::vector<Entry> entries;          // the folder as listed when it was shown
    std::optional<std::string> listed;   // the folder those entries are of
    std::string confirm_replace;         // a path waiting for "replace it?"
    std::function<void(Result<std::string>)> chosen;
};

Browser& browser() {
    static Browser b;
    return b;
}

// Sorted, folders first, hidden files left out; empty when the folder cannot be read.
std::vector<Entry> list_folder(const std::string& dir) {
    std::vector<Entry> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code ec2;
        out.push_back({name, it->is_directory(ec2)});
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
        return a.is_dir != b.is_dir ? a.is_dir : a.name < b.name;
    });
    return out;
}

std::string parent_of(const std::string& dir) {
    const auto slash = dir.find_last_of('/');
    return slash == 0 || slash == std::string::npos ? "/" : dir.substr(0, slash);
}

void answer(Browser& b, std::string path) {
    auto chosen = std::move(b.chosen);
    b.chosen = nullptr;
    if (chosen) chosen(std::move(path));
}

// "Replace the file?" for a save over an existing file (the system dialogs ask the same).
void draw_confirm_replace(Browser& b) {
    const char* title = "Replace the file?";
    if (!b.confirm_replace.empty() && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("%s exists already. Replace it with this plan?", b.confirm_replace.c_str());
    ImGui::TextDisabled("The file it replaces is kept as %s.bak.", b.confirm_replace.c_str());
    if (ImGui::Button("Replace") || ui::dialog_confirmed()) {
        answer(b, std::move(b.confirm_replace));
        b.confirm_replace.clear();
        ImGui::CloseCurrentPopup();
    }
    ui::anchor("overwrite.replace");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ui::dialog_cancelled()) {
        b.confirm_replace.clear();
        b.chosen = nullptr;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

void open_file_browser(BrowseFor mode, std::string folder, std::string name,
                       std::function<void(Result<std::string>)> chosen) {
    Browser& b = browser();
    b.mode = mode;
    b.opening = true;
    b.folder = folder.empty() ? ui::platform::home_directory() : std::move(folder);
    b.name = std::move(name);
    b.listed.reset();  // list the folder afresh for this dialog
    b.confirm_replace.clear();
    b.chosen = std::move(chosen);
}

void draw_file_browser() {
    Browser& b = browser();
    const bool save = b.mode == BrowseFor::save;
    const char* id = save ? "Save plan as" : "Open file";
    if (b.opening) {
        ImGui::OpenPopup(id);
        b.opening = false;
    }
    draw_confirm_replace(b);
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(40 * em, 29 * em), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(id, nullptr)) return;
    ImGui::TextDisabled("Folder");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##dir", &b.folder);
    ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true);
    if (ImGui::Selectable(".. (parent folder)")) b.folder = parent_of(b.folder);
    std::string chosen;
    if (b.listed != b.folder) {  // listed when opened or when the folder changes
        b.entries = list_folder(b.folder);
        b.listed = b.folder;
    }
    for (const Entry& e : b.entries) {
        const std::string label = e.is_dir ? e.name + "/" : e.name;
        if (ImGui::Selectable(label.c_str(), b.name == e.name, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.is_dir) {
                b.folder = (b.folder == "/" ? "" : b.folder) + "/" + e.name;
            } else {
                b.name = e.name;
                if (ImGui::IsMouseDoubleClicked(0)) chosen = e.name;
            }
        }
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Cancel  Open  ").x - 2.5f * em);
    if (ImGui::InputText("##name", &b.name, ImGuiInputTextFlags_EnterReturnsTrue)) chosen = b.name;
    ui::anchor("file_browser.name");
    ImGui::SameLine();
    if (ImGui::Button(save ? "Save" : "Open") || (ui::dialog_confirmed() && !b.name.empty())) chosen = b.name;
    ui::anchor("file_browser.ok");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ui::dialog_cancelled()) {
        b.chosen = nullptr;  // a cancelled dialog answers nothing
        ImGui::CloseCurrentPopup();
    }
    if (!chosen.empty()) {
        std::string path = chosen.front() == '/' ? chosen : b.folder + "/" + chosen;
        ImGui::CloseCurrentPopup();
        std::error_code ec;
        if (save && fs::exists(path, ec)) b.confirm_replace = std::move(path);
        else answer(b, std::move(path));
    }
    ImGui::EndPopup();
}

}  // namespace relplan::desktop
