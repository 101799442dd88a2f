#include "gfx/timeline_shader.hpp"

#include "gfx/gl.hpp"

#include <algorithm>
#include <string_view>

namespace relplan::ui {

namespace assets {
std::string_view get(std::string_view name);  // relplan_ui_assets (shaders/*.glsl)
}

namespace {

constexpr std::string_view shader_asset = "shaders/timeline_grid.glsl";

GLuint compile(GLenum stage, const char* define, std::string_view body, std::string& error) {
    GLuint shader = glCreateShader(stage);
    const char* parts[] = {gl::glsl_header, define, body.data()};
    const GLint lengths[] = {-1, -1, static_cast<GLint>(body.size())};
    glShaderSource(shader, 3, parts, lengths);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    GLint len = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &len);
    std::string log(static_cast<std::size_t>(std::max(len, 1)), '\0');
    glGetShaderInfoLog(shader, len, nullptr, log.data());
    error = std::string(shader_asset) + (stage == GL_VERTEX_SHADER ? " (vertex): " : " (fragment): ") + log.c_str();
    glDeleteShader(shader);
    return 0;
}

void set_color(GLuint program, const char* name, const ImVec4& c) {
    glUniform4f(glGetUniformLocation(program, name), c.x, c.y, c.z, c.w);
}

// Sorts ranges by band and day, then joins ranges of one band whose gap is at most `gap` days.
void merge(std::vector<GridRange>& ranges, float gap) {
    std::sort(ranges.begin(), ranges.end(), [](const GridRange& a, const GridRange& b) {
        if (a.y0 != b.y0) return a.y0 < b.y0;
        if (a.y1 != b.y1) return a.y1 < b.y1;
        return a.first < b.first;
    });
    std::vector<GridRange> out;
    for (const GridRange& r : ranges) {
        if (!out.empty() && out.back().y0 == r.y0 && out.back().y1 == r.y1 && r.first <= out.back().end + gap)
            out.back().end = std::max(out.back().end, r.end);
        else
            out.push_back(r);
    }
    ranges = std::move(out);
}

}  // namespace

TimelineGrid::~TimelineGrid() {
    if (program_) glDeleteProgram(program_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (texture_) glDeleteTextures(1, &texture_);
}

void TimelineGrid::draw(ImDrawList* dl, GridParams params) {
    merge(params.holidays, 0.0f);
    merge(params.blackouts, 0.0f);
    // Widen the joining gap a pixel at a time (then doubling) until everything fits: ranges closer
    // than that are indistinguishable on screen.
    for (float gap = 1.0f / params.px_per_day; params.holidays.size() + params.blackouts.size() > max_ranges; gap *= 2.0f) {
        merge(params.holidays, gap);
        merge(params.blackouts, gap);
    }
    params_ = std::move(params);
    dl->AddCallback(&TimelineGrid::render_callback, this);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void TimelineGrid::render_callback(const ImDrawList*, const ImDrawCmd* cmd) {
    static_cast<TimelineGrid*>(cmd->UserCallbackData)->render(cmd);
}

bool TimelineGrid::ensure_program() {
    if (tried_) return program_ != 0;
    tried_ = true;
    std::string_view body = assets::get(shader_asset);
    if (body.empty()) {
        error_ = std::string(shader_asset) + " is not embedded in this build";
        return false;
    }
    GLuint vs = compile(GL_VERTEX_SHADER, "#define VERTEX 1\n", body, error_);
    if (!vs) return false;
    GLuint fs = compile(GL_FRAGMENT_SHADER, "#define FRAGMENT 1\n", body, error_);
    if (!fs) {
        glDeleteShader(vs);
        return false;
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint len = 0;
        glGetProgramiv(program, GL_INFO_LOG_LENGTH, &len);
        std::string log(static_cast<std::size_t>(std::max(len, 1)), '\0');
        glGetProgramInfoLog(program, len, nullptr, log.data());
        error_ = std::string(shader_asset) + " (link): " + log.c_str();
        glDeleteProgram(program);
        return false;
    }
    program_ = program;
    // The quad's corners come from gl_VertexID; core profiles still need some VAO bound to draw.
    glGenVertexArrays(1, &vao_);
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return true;
}

void TimelineGrid::render(const ImDrawCmd* cmd) {
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd || !ensure_program()) return;
    const GridParams& p = params_;
    const ImVec2 scale = dd->FramebufferScale;
    const int fb_h = static_cast<int>(dd->DisplaySize.y * scale.y);
    ImVec2 clip_min((cmd->ClipRect.x - dd->DisplayPos.x) * scale.x, (cmd->ClipRect.y - dd->DisplayPos.y) * scale.y);
    ImVec2 clip_max((cmd->ClipRect.z - dd->DisplayPos.x) * scale.x, (cmd->ClipRect.w - dd->DisplayPos.y) * scale.y);
    if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) return;
    glScissor(static_cast<int>(clip_min.x), static_cast<int>(fb_h - clip_max.y),
              static_cast<int>(clip_max.x - clip_min.x), static_cast<int>(clip_max.y - clip_min.y));

    texels_.clear();
    for (const auto* list : {&p.holidays, &p.blackouts})
        for (const GridRange& r : *list) texels_.insert(texels_.end(), {r.first, r.end, r.y0, r.y1});
    if (texels_.empty()) texels_.assign(4, 0.0f);  // a texture needs one texel; the counts say 0
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    if (texels_ != uploaded_) {
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, static_cast<GLsizei>(texels_.size() / 4), 1, 0, GL_RGBA, GL_FLOAT,
                     texels_.data());
        uploaded_ = texels_;
    }

    glUseProgram(program_);
    glBindVertexArray(vao_);
    glUniform4f(glGetUniformLocation(program_, "u_rect"), p.rect_min.x, p.rect_min.y, p.rect_max.x, p.rect_max.y);
    glUniform4f(glGetUniformLocation(program_, "u_display"), dd->DisplayPos.x, dd->DisplayPos.y, dd->DisplaySize.x,
                dd->DisplaySize.y);
    glUniform1i(glGetUniformLocation(program_, "u_origin_day"), p.origin_day);
    glUniform1f(glGetUniformLocation(program_, "u_day_offset"), p.day_offset);
    glUniform1f(glGetUniformLocation(program_, "u_px_per_day"), p.px_per_day);
    glUniform1f(glGetUniformLocation(program_, "u_fb_scale"), scale.x);
    set_color(program_, "u_col_bg", p.colors.background);
    set_color(program_, "u_col_weekend", p.colors.weekend);
    set_color(program_, "u_col_holiday", p.colors.holiday);
    set_color(program_, "u_col_blackout", p.colors.blackout);
    set_color(program_, "u_col_day", p.colors.day_line);
    set_color(program_, "u_col_week", p.colors.week_line);
    set_color(program_, "u_col_month", p.colors.month_line);
    set_color(program_, "u_col_year", p.colors.year_line);
    glUniform1i(glGetUniformLocation(program_, "u_ranges"), 0);
    glUniform1i(glGetUniformLocation(program_, "u_holiday_count"), static_cast<GLint>(p.holidays.size()));
    glUniform1i(glGetUniformLocation(program_, "u_blackout_count"), static_cast<GLint>(p.blackouts.size()));
    glDisable(GL_BLEND);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace relplan::ui
