// to_json: the canonical form of a plan. Member order is the row order of plan_schema.hpp.
#include "plan/plan_json.hpp"

#include "base/dates.hpp"
#include "base/json_doc.hpp"
#include "plan/plan_schema.hpp"

#include <type_traits>

namespace relplan {
namespace {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsOptional<Boxed<T>> : std::true_type {};

// "Not set" in the sense of plan.hpp: left out of the file unless the row is required or `always`.
// Enums, numbers and dates have no unset value.
template <class T>
bool unset(const T&) {
    return false;
}
bool unset(const std::string& v) { return v.empty(); }
bool unset(bool v) { return !v; }
template <class T>
bool unset(const std::vector<T>& v) {
    return v.empty();
}
template <schema::Described T>
bool unset(const T& v) {
    return v == T{};
}

class PlanWriter {
public:
    PlanWriter() = default;
    PlanWriter(const std::function<void(std::string_view)>* sink, const AppendedChanges* appended,
               const AppendedReleases* appended_releases = nullptr)
        : sink_(sink), appended_(appended), appended_releases_(appended_releases) {}

    std::string finish() {
        std::string out = w_.take();
        out += '\n';
        return out;
    }
    void finish_into(const std::function<void(std::string_view)>& sink) {
        w_.drain(sink);
        sink("\n");
    }

    void value(const std::string& v) { w_.string(v); }
    void value(bool v) { w_.boolean(v); }
    void value(std::int32_t v) { w_.number(v); }
    void value(const Date& v) { w_.string(dates::format_date(v)); }

    template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
    void value(E v) {
        w_.string(to_string(v));
    }

    template <class T>
    void value(const std::vector<T>& values) {
        w_.begin_array();
        for (const T& v : values) {
            value(v);
            if (sink_ != nullptr && w_.pending() >= kPiece) w_.drain(*sink_);
        }
        w_.end_array();
    }

    template <schema::Described T>
    void value(const T& v) {
        w_.begin_object();
        rows(v);
        extra(v.extra);
        w_.end_object();
    }

    void value(const Plan& p) {
        if (appended_ != nullptr && appended_->release < p.releases.size()) {
            appended_target_ = &p.releases[appended_->release].changes;
        }
        w_.begin_object();
        w_.key("format");
        w_.begin_object();
        w_.key("name");
        w_.string("relplan");
        w_.key("version");
        w_.number(plan_format_version);
        w_.end_object();
        rows(p);
        extra(p.extra);
        w_.end_object();
    }

private:
    template <class S>
    void rows(const S& s) {
        schema::for_each_row<S>([&](const auto& r) { row(r, s); });
    }

    template <class S, class M>
    void row(const schema::Row<S, M>& r, const S& s) {
        const M& v = s.*r.member;
        if constexpr (std::is_same_v<M, std::vector<Change>>) {
            if (&v == appended_target_) {
                return appended_list(r.key, (r.flags & (schema::required | schema::always)) != 0, v, appended_->produce);
            }
        }
        if constexpr (std::is_same_v<M, std::vector<Release>>) {
            if (appended_releases_ != nullptr) {
                return appended_list(r.key, (r.flags & (schema::required | schema::always)) != 0, v,
                                     appended_releases_->produce);
            }
        }
        if constexpr (IsOptional<M>::value) {
            if (!v) return;
            w_.key(r.key);
            value(*v);
        } else {
            if (!(r.flags & (schema::required | schema::always)) && unset(v)) return;
            w_.key(r.key);
            value(v);
        }
    }

    template <class S>
    void row(const schema::TimeRow<S>& r, const S& s) {
        w_.key(r.key);
        w_.string(dates::format_offset_time(s.*r.instant, s.*r.offset_minutes));
    }

    // The list's own items, then those `produce` emits; an empty list as row() would write it.
    template <class T, class Produce>
    void appended_list(std::string_view key, bool always, const std::vector<T>& own, const Produce& produce) {
        bool open = false;
        const auto start = [&] {
            w_.key(key);
            w_.begin_array();
            open = true;
        };
        if (always) start();
        const auto emit = [&](const T& item) {
            if (!open) start();
            value(item);
            if (sink_ != nullptr && w_.pending() >= kPiece) w_.drain(*sink_);
        };
        for (const T& item : own) emit(item);
        produce(emit);
        if (open) w_.end_array();
    }

    void extra(const Extra& members) {
        for (const JsonMember& m : members) {
            w_.key(m.key);
            w_.canonical(m.json);
        }
    }

    static constexpr std::size_t kPiece = 64 << 10;

    json::Writer w_;
    const std::function<void(std::string_view)>* sink_ = nullptr;
    const AppendedChanges* appended_ = nullptr;
    const std::vector<Change>* appended_target_ = nullptr;
    const AppendedReleases* appended_releases_ = nullptr;
};

}  // namespace

std::string to_json(const Plan& plan) {
    PlanWriter writer;
    writer.value(plan);
    return writer.finish();
}

void write_json(const Plan& plan, const std::function<void(std::string_view)>& sink, const AppendedChanges* appended) {
    PlanWriter writer(&sink, appended);
    writer.value(plan);
    writer.finish_into(sink);
}

void write_json(const Plan& plan, const std::function<void(std::string_view)>& sink, const AppendedReleases& appended) {
    PlanWriter writer(&sink, nullptr, &appended);
    writer.value(plan);
    writer.finish_into(sink);
}

}  // namespace relplan
