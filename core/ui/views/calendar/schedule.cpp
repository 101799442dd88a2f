// The schedule the calendar and the timeline read (calendar/schedule.hpp), rebuilt when the plan or the
// day changes.
#include "views/calendar/calendar_draw.hpp"
#include "views/views.hpp"

#include "widgets/widgets.hpp"

#include <chrono>
#include <memory>

namespace relplan::ui {

using namespace cal;

const ScheduleIndex& schedule_for(App::State& s) {
    const std::int32_t now = day_number(today());
    if (!s.schedule || s.schedule->revision != s.doc.revision() || s.schedule->today != now ||
        s.schedule->days.size() != s.doc.plan.releases.size()) {
        auto fresh = std::make_shared<ScheduleIndex>();
        static_cast<Schedule&>(*fresh) =
            build_schedule(s.doc.plan, now, [](std::chrono::sys_seconds t) { return viewer_zone(t).offset; });
        fresh->revision = s.doc.revision();
        s.schedule = std::move(fresh);
    }
    return *s.schedule;
}

double viewer_now_days() { return local_days(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())); }

}  // namespace relplan::ui
