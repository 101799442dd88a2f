// The date picker: a button beside a date field opening a month grid (Monday first, ISO week numbers,
// today, the plan's holidays and blackouts marked). Keys: arrows move a day or a week, PageUp /
// PageDown a month, Home / End the week's first / last day, Enter picks, Escape closes. Test anchors:
// "<field anchor>.picker" for the button, "datepicker.day.YYYY-MM-DD" for each day shown.
#pragma once

#include "app/state.hpp"

#include <optional>

namespace relplan::ui {

// Draws the button (on the same line as the field just drawn, which stays the "last item" for
// anchor()) and the popup; true when the user picked a day, which is then in `value`.
bool date_picker(App::State& s, const char* id, std::optional<Date>& value);

}  // namespace relplan::ui
