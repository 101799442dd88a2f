// The timeline's background grid, drawn on the GPU by shaders/timeline_grid.glsl so it costs the same
// at any zoom and any plan size: day/week/month/year lines, weekend and holiday shading, blackout
// hatching.
//
// Contract: draw() queues an ImDrawList callback that renders one quad over the given rect and then
// asks the ImGui backend to restore its render state (ImDrawCallback_ResetRenderState), so it mixes
// freely with ordinary ImGui drawing: whatever is added to the draw list afterwards is drawn on top.
// The parameters are copied, so one TimelineGrid serves one grid per frame. GL objects are created
// on first use inside the render pass (the context is current there) and freed by the destructor.
// If the shader fails to compile or link, nothing is drawn and error() says why; the caller can
// fall back to a plain background.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace relplan::ui {

struct GridColors {
    ImVec4 background;
    ImVec4 weekend;
    ImVec4 holiday;
    ImVec4 blackout;
    ImVec4 day_line;
    ImVec4 week_line;
    ImVec4 month_line;
    ImVec4 year_line;
};

// A shaded day range: days relative to GridParams::origin_day (end exclusive), y relative to the
// rect's top (a band, so a period restricted to one component shades only that component's row).
struct GridRange {
    float first = 0.0f;
    float end = 0.0f;
    float y0 = 0.0f;
    float y1 = 0.0f;
    bool operator==(const GridRange&) const = default;
};

struct GridParams {
    ImVec2 rect_min;
    ImVec2 rect_max;
    std::int32_t origin_day = 0;  // days since 1970-01-01, near the visible range
    float day_offset = 0.0f;      // days after origin_day at the rect's left edge
    float px_per_day = 1.0f;      // display units per day
    GridColors colors;
    std::vector<GridRange> holidays;
    std::vector<GridRange> blackouts;
};

class TimelineGrid {
public:
    // At most this many ranges reach the GPU per frame; denser input is merged where the gaps are
    // narrower than a pixel (invisible at that zoom anyway).
    static constexpr std::size_t max_ranges = 1024;

    TimelineGrid() = default;
    ~TimelineGrid();
    TimelineGrid(const TimelineGrid&) = delete;
    TimelineGrid& operator=(const TimelineGrid&) = delete;

    void draw(ImDrawList* dl, GridParams params);
    const std::string& error() const { return error_; }

private:
    static void render_callback(const ImDrawList* list, const ImDrawCmd* cmd);
    void render(const ImDrawCmd* cmd);
    bool ensure_program();

    GridParams params_;
    std::vector<float> uploaded_;  // texels currently in texture_
    std::vector<float> texels_;
    bool tried_ = false;
    std::string error_;
    unsigned program_ = 0;
    unsigned vao_ = 0;
    unsigned texture_ = 0;
};

}  // namespace relplan::ui
