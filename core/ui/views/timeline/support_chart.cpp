// The support chart under the timeline, drawn like the Node.js release schedule: one row per release
// line, newest first, then the cycles of the dependencies the plan tracks; a green bar while a line
// is in active support, amber while in maintenance, ending at its end of life (a fading bar when no
// end of life is planned). It shares the timeline's day axis, so zoom and pan move both.
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "app/test_anchors.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace relplan::ui {

namespace {

const ImVec4 active_color(0.26f, 0.63f, 0.33f, 1.0f);
const ImVec4 maintenance_color(0.88f, 0.6f, 0.16f, 1.0f);
const ImVec4 dependency_color(0.45f, 0.52f, 0.66f, 1.0f);

struct ChartRow {
    std::string label;
    std::string anchor;
    std::optional<Date> start, active_until, eol;
    bool lts = false;
    bool dependency = false;
    std::string detail;  // tooltip
};

std::string date_or(const std::optional<Date>& d, const char* none) { return d ? date_text(*d) : none; }

std::vector<ChartRow> chart_rows(App::State& s) {
    std::vector<ChartRow> rows;
    const SupportReport& report = support_for(s);
    for (auto it = report.lines.rbegin(); it != report.lines.rend(); ++it) {
        const LineSchedule& l = *it;
        ChartRow row{l.line, "timeline.support." + l.line, l.release_date, l.active_until, l.eol, l.lts, false, {}};
        row.detail = l.line + (l.lts ? " (LTS)" : "") + " — " + std::string(to_string(l.phase)) +
                     "\nfirst release " + date_or(l.release_date, "not planned") +
                     "\nactive support until " + date_or(l.active_until, "its successor") +
                     "\nend of life " + date_or(l.eol, "not planned") +
                     "\nlatest " + (l.latest.empty() ? std::string("none released") : l.latest) +
                     (l.latest_planned.empty() || l.latest_planned == l.latest ? "" : ", planned " + l.latest_planned);
        rows.push_back(std::move(row));
    }
    for (const DependencySupport& d : s.doc.plan.dependencies) {
        const std::string name = d.product + " " + d.cycle;
        ChartRow row{name, "timeline.support." + name, d.release_date, d.support, d.eol, d.lts, true, {}};
        row.detail = name + (d.lts ? " (LTS)" : "") + " — a dependency\nreleased " + date_or(d.release_date, "?") +
                     "\nactive support until " + date_or(d.support, "?") + "\nend of life " + date_or(d.eol, "not planned");
        rows.push_back(std::move(row));
    }
    return rows;
}

void draw_title(App::State& s) {
    const SupportReport& report = support_for(s);
    TimelineViewState& t = s.timeline;
    if (ImGui::ArrowButton("##support_toggle", t.support_chart ? ImGuiDir_Down : ImGuiDir_Right)) t.support_chart = !t.support_chart;
    anchor("timeline.support.toggle");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(t.support_chart ? "Hide the support chart" : "Show the support chart");
    ImGui::SameLine();
    const int lines = static_cast<int>(report.lines.size()), cycles = static_cast<int>(s.doc.plan.dependencies.size());
    ImGui::Text("Support: %d release %s", lines, lines == 1 ? "line" : "lines");
    if (cycles > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("· %d dependency %s", cycles, cycles == 1 ? "cycle" : "cycles");
    }
    if (!report.warnings.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.1f, 1.0f), "· %d %s", static_cast<int>(report.warnings.size()),
                           report.warnings.size() == 1 ? "warning" : "warnings");
        anchor("timeline.support.warnings");
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            for (std::size_t i = 0; i < report.warnings.size() && i < 12; ++i) ImGui::BulletText("%s", report.warnings[i].message.c_str());
            if (report.warnings.size() > 12) ImGui::TextDisabled("… and %d more", static_cast<int>(report.warnings.size() - 12));
            ImGui::EndTooltip();
        }
    }
    ImGui::SameLine();
    help_marker("Release lines and how long each is supported (Project > Settings > Support policy).\n"
                "Green: active support. Amber: maintenance (fixes only). The bar ends at end of life;\n"
                "a fading bar has no end of life planned. Grey rows: the dependencies' cycles.");
}

}  // namespace

int support_chart_rows(App::State& s) {
    return static_cast<int>(support_for(s).lines.size() + s.doc.plan.dependencies.size());
}

void draw_support_chart(App::State& s, double start, double ppd, float label_w, float width, float height) {
    const std::vector<ChartRow> rows = chart_rows(s);
    ImGui::BeginChild("##support_chart", ImVec2(label_w + width + ImGui::GetStyle().ScrollbarSize, height), false);
    draw_title(s);
    if (!s.timeline.support_chart) {
        ImGui::EndChild();
        return;
    }
    const float scale = s.config.ui_scale;
    const float row_h = std::floor(ImGui::GetTextLineHeight() * 1.4f + 2.0f * scale);
    ImGui::BeginChild("##support_rows", ImVec2(0, 0), false);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x0 = ImGui::GetWindowPos().x + label_w;
    const auto x_of = [&](std::int32_t day) {
        return std::clamp(static_cast<float>(x0 + (day - start) * ppd), x0 - 64.0f, x0 + width + 64.0f);
    };
    const float right = x0 + width;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (const ChartRow& row : rows) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(label_w + width, row_h));
        anchor(row.anchor);
        const bool hovered = ImGui::IsItemHovered();
        const float y0 = at.y + 2.0f * scale, y1 = at.y + row_h - 2.0f * scale;
        std::string label = row.label + (row.lts ? "  LTS" : "");
        dl->AddText(ImVec2(at.x + 8.0f * scale, at.y + (row_h - ImGui::GetFontSize()) * 0.5f),
                    row.dependency ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : text, label.c_str());
        dl->PushClipRect(ImVec2(x0, at.y), ImVec2(right, at.y + row_h), true);
        if (row.start) {
            const float a = x_of(day_number(*row.start));
            const float m = row.active_until ? x_of(day_number(*row.active_until)) : (row.eol ? x_of(day_number(*row.eol)) : right);
            const float e = row.eol ? x_of(day_number(*row.eol)) : right;
            const ImVec4 first = row.dependency ? dependency_color : active_color;
            const ImVec4 second = row.dependency ? ImVec4(first.x, first.y, first.z, 0.55f) : maintenance_color;
            if (m > a) dl->AddRectFilled(ImVec2(a, y0), ImVec2(m, y1), ImGui::GetColorU32(first), 3.0f * scale);
            if (e > m) {
                if (row.eol) {
                    dl->AddRectFilled(ImVec2(m, y0), ImVec2(e, y1), ImGui::GetColorU32(second), 3.0f * scale);
                } else {  // no end of life planned: the bar fades out toward the right edge
                    const ImU32 solid = ImGui::GetColorU32(second), clear = ImGui::GetColorU32(ImVec4(second.x, second.y, second.z, 0.0f));
                    dl->AddRectFilledMultiColor(ImVec2(m, y0), ImVec2(e, y1), solid, clear, clear, solid);
                }
            }
            const auto caption = [&](float from, float to, const char* what) {
                const ImVec2 size = ImGui::CalcTextSize(what);
                const float lo = std::max(from, x0), hi = std::min(to, right);
                if (hi - lo > size.x + 8.0f * scale)
                    dl->AddText(ImVec2(lo + 4.0f * scale, at.y + (row_h - size.y) * 0.5f), IM_COL32(255, 255, 255, 235), what);
            };
            if (!row.dependency) {
                caption(a, m, "Active");
                caption(m, e, "Maintenance");
            }
        }
        dl->PopClipRect();
        if (hovered) ImGui::SetTooltip("%s", row.detail.c_str());
    }
    const float now_x = static_cast<float>(x0 + (viewer_now_days() - start) * ppd);
    if (now_x >= x0 && now_x <= right) {
        const ImVec2 wp = ImGui::GetWindowPos();
        dl->AddLine(ImVec2(now_x, wp.y), ImVec2(now_x, wp.y + ImGui::GetWindowHeight()), ImGui::GetColorU32(calendar_colors(s.dark).today), 2.0f * scale);
    }
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace relplan::ui
