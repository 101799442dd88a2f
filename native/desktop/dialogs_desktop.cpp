// The desktop app's file dialogs: the system's, zenity (GNOME and most desktops) or kdialog (KDE),
// whichever is installed, run on a worker thread so frames keep drawing; the answer is handed to the
// app on the main thread by run_dialog_answers(). Without either tool (or with
// RELPLAN_FILE_DIALOG=builtin) the host's own dialog (file_browser.hpp) answers instead.
#include "platform/platform.hpp"

#include "file_browser.hpp"
#include "platform_desktop.hpp"

#include <GLFW/glfw3.h>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

extern char** environ;

namespace relplan::ui::platform {

namespace {

std::string find_tool() {
    const char* forced = std::getenv("RELPLAN_FILE_DIALOG");
    if (forced && std::string_view(forced) == "builtin") return {};
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (const char* tool : {"zenity", "kdialog"}) {
        std::size_t start = 0;
        while (start <= dirs.size()) {
            std::size_t end = dirs.find(':', start);
            if (end == std::string::npos) end = dirs.size();
            std::string candidate = dirs.substr(start, end - start) + "/" + tool;
            if (end > start && access(candidate.c_str(), X_OK) == 0) return candidate;
            start = end + 1;
        }
    }
    return {};
}

const std::string& tool() {
    static const std::string t = find_tool();
    return t;
}

bool is_zenity() { return tool().size() >= 6 && tool().compare(tool().size() - 6, 6, "zenity") == 0; }

// Runs the dialog and returns the chosen path; nothing when the user cancelled.
std::optional<std::string> run_dialog(const std::vector<std::string>& args) {
    int out[2];
    if (pipe(out) != 0) return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    std::string text;
    char buf[4096];
    for (ssize_t n; rc == 0 && (n = read(out[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
    close(out[0]);
    int status = 0;
    if (rc != 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.empty()) return std::nullopt;
    return text;
}

struct Answer {
    std::optional<std::string> path;
    std::function<void(Result<std::string>)> done;
};
std::mutex g_mutex;
std::vector<Answer> g_answers;  // finished dialogs waiting for the main thread

void ask(std::vector<std::string> args, std::function<void(Result<std::string>)> done) {
    std::thread([args = std::move(args), done = std::move(done)]() mutable {
        std::optional<std::string> path = run_dialog(args);
        {
            std::lock_guard<std::mutex> lock(g_mutex);
            g_answers.push_back({std::move(path), std::move(done)});
        }
        glfwPostEmptyEvent();  // wake the event loop
    }).detach();
}

const char* filter_for(OpenPurpose purpose, bool zenity) {
    switch (purpose) {
    case OpenPurpose::import_changelog: return zenity ? "Changelogs (*.md) | *.md *.markdown" : "*.md *.markdown|Changelogs";
    case OpenPurpose::import_ics: return zenity ? "Calendars (*.ics) | *.ics" : "*.ics|Calendars";
    case OpenPurpose::import_consumers:
        return zenity ? "package.json, package-lock.json, npm ls output (*.json) | *.json" : "*.json|package.json, package-lock.json, npm ls output";
    case OpenPurpose::import_dependency_support: return zenity ? "endoflife.date JSON (*.json) | *.json" : "*.json|endoflife.date JSON";
    case OpenPurpose::plan:
    case OpenPurpose::compare: break;
    }
    return zenity ? "Plans (*.json) | *.json" : "*.json|Plans";
}

}  // namespace

void choose_open_path(OpenPurpose purpose, const std::string& given, std::function<void(Result<std::string>)> chosen) {
    if (tool().empty()) return desktop::open_file_browser(desktop::BrowseFor::open, given, "", std::move(chosen));
    const std::string folder = given.empty() ? home_directory() : given;
    if (is_zenity())
        ask({tool(), "--file-selection", "--title=Open", "--filename=" + folder + "/", std::string("--file-filter=") + filter_for(purpose, true),
             "--file-filter=All files | *"},
            std::move(chosen));
    else
        ask({tool(), "--getopenfilename", folder, filter_for(purpose, false)}, std::move(chosen));
}

void choose_save_path(const std::string& suggested, std::function<void(Result<std::string>)> chosen) {
    if (tool().empty()) {
        const auto slash = suggested.find_last_of('/');
        const std::string folder = slash == std::string::npos ? "" : slash == 0 ? "/" : suggested.substr(0, slash);
        return desktop::open_file_browser(desktop::BrowseFor::save, folder, suggested.substr(slash + 1), std::move(chosen));
    }
    // Both ask before an existing file is overwritten, as the host's own dialog does.
    if (is_zenity())
        ask({tool(), "--file-selection", "--save", "--confirm-overwrite", "--title=Save plan as", "--filename=" + suggested},
            std::move(chosen));
    else
        ask({tool(), "--getsavefilename", suggested, "*.json|Plans"}, std::move(chosen));
}

void run_dialog_answers() {
    std::vector<Answer> ready;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        ready.swap(g_answers);
    }
    for (Answer& a : ready)
        if (a.path) a.done(std::move(*a.path));  // a cancelled dialog answers nothing
}

void draw_dialogs() { desktop::draw_file_browser(); }

}  // namespace relplan::ui::platform
