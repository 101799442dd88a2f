// The timeline's rows area (timeline_rows.cpp): the background grid with holidays and blackouts,
// the release bars of the visible lanes and the sticky row labels. Internal to the timeline view;
// view_timeline.cpp lays the area out and handles its input.
#pragma once

#include "gfx/timeline_shader.hpp"
#include "views/timeline/timeline_axis.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace relplan::ui::timeline {

// Where the rows child window is on screen this frame and how its lanes are laid out.
struct RowsArea {
    ImDrawList* dl = nullptr;
    ImVec2 origin;    // the child window's top left: the label column starts here
    ImVec2 min, max;  // the rows, right of the label column
    float lane_h = 0.0f;
    float scroll = 0.0f;  // vertical scroll of the child
    float view_h = 0.0f;
    float label_w = 0.0f;
    float rows_w = 0.0f;
};

// A holiday or blackout in view, as a shaded band over all rows or the rows of its components.
struct Band {
    const Period* period;
    bool blackout;
    std::int32_t first, last;
    float y0, y1;  // relative to the rows area's top
};

std::vector<Band> visible_bands(const Plan& plan, const ScheduleIndex& idx, const Axis& ax, float scroll, float lane_h,
                                float view_h);

// The background: weekends, month lines and bands, by the grid shader or flat fills without it.
void draw_grid(App::State& s, const RowsArea& area, const Axis& ax, const std::vector<Band>& bands);

// The release under the mouse, found while drawing.
struct Hit {
    std::int32_t release = -1;
    std::int32_t lane = -1;
};

// What drawing the lanes found: the release under the mouse and the lanes on screen (-1 for none).
struct DrawnLanes {
    Hit hit;
    std::int32_t lane_lo = -1, lane_hi = -1;
};

// The visible lanes' bars (clipped with ImGuiListClipper, one Dummy per lane); `ghost` is where a
// dragged release would land. `hovered` says whether the mouse is over the rows.
DrawnLanes draw_lanes(App::State& s, const ScheduleIndex& idx, const RowsArea& area, const Axis& ax,
                      const std::optional<ReleaseDays>& ghost, bool hovered);

// The label column over the rows `lanes` shows, each with its component and release count.
void draw_row_labels(App::State& s, const ScheduleIndex& idx, const RowsArea& area, const DrawnLanes& lanes);

}  // namespace relplan::ui::timeline
