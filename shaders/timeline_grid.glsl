// The timeline background: day/week/month/year grid, weekend and holiday shading, blackout hatching.
// One source for GL 3.3 core and WebGL2: the app prepends the #version line (and precision for ES)
// plus "#define VERTEX" or "#define FRAGMENT", so this file holds both stages and no version line.
//
// Coordinates: the quad covers u_rect (ImGui display units). The fragment stage works in "days
// relative to u_origin_day" (an integer day number, days since 1970-01-01, chosen near the visible
// range so float precision stays sub-pixel at any zoom) and in framebuffer pixels for line widths.
// Holidays and blackouts arrive as texels of u_ranges: (first day, end day exclusive, y0, y1), days
// relative to u_origin_day, y relative to the rect top; holidays first, then blackouts.

#ifdef VERTEX
uniform vec4 u_rect;     // x0, y0, x1, y1
uniform vec4 u_display;  // display position xy, display size zw
out vec2 v_pos;          // relative to the rect's top-left corner

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    vec2 p = mix(u_rect.xy, u_rect.zw, corner);
    v_pos = p - u_rect.xy;
    vec2 ndc = (p - u_display.xy) / u_display.zw * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
#endif

#ifdef FRAGMENT
uniform int u_origin_day;
uniform float u_day_offset;    // relative day at the rect's left edge
uniform float u_px_per_day;    // display units per day
uniform float u_fb_scale;      // framebuffer pixels per display unit
uniform vec4 u_col_bg;
uniform vec4 u_col_weekend;
uniform vec4 u_col_holiday;
uniform vec4 u_col_blackout;
uniform vec4 u_col_day;
uniform vec4 u_col_week;
uniform vec4 u_col_month;
uniform vec4 u_col_year;
uniform highp sampler2D u_ranges;
uniform int u_holiday_count;
uniform int u_blackout_count;
in vec2 v_pos;
out vec4 o_color;

// Howard Hinnant's civil_from_days: (year, month 1..12, day 1..31) of a day number.
ivec3 civil_from_days(int z) {
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    return ivec3(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    if (m == 2) return is_leap(y) ? 29 : 28;
    return 30 + ((m + m / 8) & 1);
}

int day_of_year(int y, int m, int d) {
    int before = 0;
    for (int i = 1; i < 12; ++i)
        if (i < m) before += days_in_month(y, i);
    return before + d - 1;
}

// 1 when a boundary with `since` days behind and `until` days ahead of this pixel's centre lies
// inside the pixel, widened to `width` framebuffer pixels.
float line(float since, float until, float px_per_day_fb, float width) {
    float a = since * px_per_day_fb;
    float b = until * px_per_day_fb;
    return (a <= 0.5 * width || b < 0.5 * width) ? 1.0 : 0.0;
}

vec4 over(vec4 dst, vec4 src, float amount) {
    return vec4(mix(dst.rgb, src.rgb, src.a * amount), dst.a);
}

void main() {
    float fb_per_day = u_px_per_day * u_fb_scale;
    float rel = u_day_offset + v_pos.x / u_px_per_day;
    float whole = floor(rel);
    float frac_day = rel - whole;
    int day = u_origin_day + int(whole);
    // Monday = 0 (1970-01-01 was a Thursday); the bias keeps % away from negative operands (undefined
    // in GLSL) for every day from year 1900 on.
    int weekday = (day + 3 + 7 * 10000) % 7;
    ivec3 ymd = civil_from_days(day);
    float half_px_days = 0.5 / fb_per_day;
    float width = max(1.0, floor(u_fb_scale + 0.5));

    vec4 c = u_col_bg;
    c = over(c, u_col_weekend, weekday >= 5 ? smoothstep(1.5, 4.0, u_px_per_day) : 0.0);

    for (int i = 0; i < u_holiday_count; ++i) {
        vec4 r = texelFetch(u_ranges, ivec2(i, 0), 0);
        if (r.x - rel < half_px_days && r.y - rel > -half_px_days && v_pos.y >= r.z && v_pos.y < r.w)
            c = over(c, u_col_holiday, smoothstep(0.25, 1.2, u_px_per_day));  // single days are noise when zoomed out
    }
    for (int i = 0; i < u_blackout_count; ++i) {
        vec4 r = texelFetch(u_ranges, ivec2(u_holiday_count + i, 0), 0);
        if (r.x - rel < half_px_days && r.y - rel > -half_px_days && v_pos.y >= r.z && v_pos.y < r.w) {
            float stripe = mod((v_pos.x + v_pos.y) * u_fb_scale, 9.0 * width);
            c = over(c, u_col_blackout, stripe < 3.0 * width ? 0.85 : 0.25);
        }
    }

    float since_month = float(ymd.z - 1) + frac_day;
    float since_year = float(day_of_year(ymd.x, ymd.y, ymd.z)) + frac_day;
    float since_week = float(weekday) + frac_day;
    float year_len = is_leap(ymd.x) ? 366.0 : 365.0;
    float year = line(since_year, year_len - since_year, fb_per_day, width);
    float month = line(since_month, float(days_in_month(ymd.x, ymd.y)) - since_month, fb_per_day, width);
    float week = line(since_week, 7.0 - since_week, fb_per_day, width);
    float dayl = line(frac_day, 1.0 - frac_day, fb_per_day, width);

    if (year > 0.0) c = over(c, u_col_year, 1.0);
    else if (month > 0.0) c = over(c, u_col_month, smoothstep(0.03, 0.1, u_px_per_day));
    else if (week > 0.0) c = over(c, u_col_week, smoothstep(0.6, 1.6, u_px_per_day));
    else if (dayl > 0.0) c = over(c, u_col_day, smoothstep(4.0, 10.0, u_px_per_day));
    o_color = c;
}
#endif
