// The desktop's own file dialog, for machines without zenity or kdialog (or with
// RELPLAN_FILE_DIALOG=builtin): an ImGui modal the host draws in the app's frame (platform::draw_dialogs).
// It answers like the system dialogs: the chosen path, or nothing when cancelled; saving over an
// existing file asks first. The folder is listed when the dialog opens and when the user changes folder,
// never per frame.
#pragma once

#include "base/result.hpp"

#include <functional>
#include <string>

namespace relplan::desktop {

enum class BrowseFor { open, save };

// Opens the dialog in `folder` (home when empty) with `name` in the file name field.
void open_file_browser(BrowseFor mode, std::string folder, std::string name,
                       std::function<void(Result<std::string>)> chosen);
void draw_file_browser();

}  // namespace relplan::desktop
