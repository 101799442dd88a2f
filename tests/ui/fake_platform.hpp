// A platform (core/ui/platform/platform.hpp) for the UI tests: no files, no windows, no browser.
// Everything the app asks of its host is recorded in memory so tests can assert on it: saves,
// open requests, the clipboard, settings, the working copy, the views it reported.
#pragma once

#include "platform/platform.hpp"

#include <map>
#include <string>
#include <vector>

namespace relplan::ui::test {

struct SavedFile {
    std::string name;
    std::string bytes;
};

struct FakePlatform {
    // Like the page by default: downloads instead of paths.
    platform::Abilities abilities;
    std::string clipboard;                       // what Ctrl+V pastes (up to a NUL unless abilities.clipboard_nul)
    std::vector<std::string> copied;             // every set_clipboard, in order
    std::vector<SavedFile> saves;                // every save_file, in order
    std::vector<platform::OpenPurpose> open_requests;
    // With file paths: the folders the open dialogs started in and the paths the save dialogs suggested;
    // `answer` is what the next dialog answers (an Error when empty, like a host without dialogs).
    std::vector<std::string> dialog_folders;
    std::vector<std::string> save_suggestions;
    std::string answer;
    std::map<std::string, std::string> files;    // what read_file finds, by path
    std::map<std::string, std::string> settings;
    bool settings_full = false;                  // store_setting fails (keeps nothing)
    std::map<std::string, std::string> snapshots;  // store_snapshot's versions, by revision (found at once)
    std::vector<std::string> views;              // view_changed names, in order
    bool unsaved = false;                        // as set_unsaved last said
    std::string working_copy;                    // the last store_working_copy
    bool working_copy_unsaved = false;
    bool working_copy_full = false;              // store_working_copy fails (keeps nothing)
    int working_copies = 0;
    int quit_requests = 0;
};

// The one fake the linked platform functions use; UiHarness resets it for every test.
FakePlatform& fake_platform();

}  // namespace relplan::ui::test
