// The keys every modal dialog answers to, in one place: Enter (or keypad Enter) confirms, Escape
// cancels. Call inside the dialog (between BeginPopupModal and EndPopup), next to its buttons:
//   if (ImGui::Button("Apply") || dialog_confirmed()) ...
//   if (ImGui::Button("Cancel") || dialog_cancelled()) ...
// Only the dialog on top hears them (a combo or date picker open over it closes first). While a
// multi-line text field of the dialog is being edited, Enter adds a line there and Ctrl+Enter confirms.
#pragma once

namespace relplan::ui {

bool dialog_confirmed();
bool dialog_cancelled();

}  // namespace relplan::ui
