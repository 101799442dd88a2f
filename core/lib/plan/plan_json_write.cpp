// to_json: the canonical form of a plan. Member order here is the order in the schema and the docs.
#include "plan/plan_json.hpp"

#include "base/json_doc.hpp"
#include "plan/plan_time.hpp"

namespace relplan {
namespace {

class PlanWriter {
public:
    std::string finish() {
        std::string out = w_.take();
        out += '\n';
        return out;
    }

    void text(std::string_view key, const std::string& value) {
        if (value.empty()) return;
        w_.key(key);
        w_.string(value);
    }

    void always(std::string_view key, const std::string& value) {
        w_.key(key);
        w_.string(value);
    }

    template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
    void token(std::string_view key, E value) {
        w_.key(key);
        w_.string(to_string(value));
    }

    void flag(std::string_view key, bool value) {
        w_.key(key);
        w_.boolean(value);
    }

    void date(std::string_view key, const Date& value) {
        w_.key(key);
        w_.string(format_iso_date(value));
    }

    void date(std::string_view key, const std::optional<Date>& value) {
        if (value) date(key, *value);
    }

    void number(std::string_view key, const std::optional<std::int32_t>& value) {
        if (!value) return;
        w_.key(key);
        w_.number(*value);
    }

    void strings(std::string_view key, const std::vector<std::string>& values) {
        if (values.empty()) return;
        w_.key(key);
        w_.begin_array();
        for (const std::string& v : values) w_.string(v);
        w_.end_array();
    }

    template <class T>
    void objects(std::string_view key, const std::vector<T>& values) {
        if (values.empty()) return;
        w_.key(key);
        w_.begin_array();
        for (const T& v : values) object(v);
        w_.end_array();
    }

    template <class T>
    void object(std::string_view key, const std::optional<T>& value) {
        if (!value) return;
        w_.key(key);
        object(*value);
    }

    void extra(const Extra& members) {
        for (const JsonMember& m : members) {
            w_.key(m.key);
            w_.canonical(m.json);
        }
    }

    void object(const Project& p) {
        w_.begin_object();
        always("name", p.name);
        text("description", p.description);
        text("repository", p.repository);
        extra(p.extra);
        w_.end_object();
    }

    void object(const Component& c) {
        w_.begin_object();
        always("id", c.id);
        text("name", c.name);
        text("description", c.description);
        text("owner", c.owner);
        text("repository", c.repository);
        extra(c.extra);
        w_.end_object();
    }

    void object(const Stakeholder& s) {
        w_.begin_object();
        always("id", s.id);
        always("name", s.name);
        text("role", s.role);
        text("email", s.email);
        token("audience", s.audience);
        strings("components", s.components);
        extra(s.extra);
        w_.end_object();
    }

    void object(const Period& p) {
        w_.begin_object();
        always("name", p.name);
        date("start", p.start);
        date("end", p.end);
        strings("components", p.components);
        extra(p.extra);
        w_.end_object();
    }

    void object(const MilestoneOverride& o) {
        w_.begin_object();
        token("type", o.type);
        number("planning_start_days", o.planning_start_days);
        number("feature_freeze_days", o.feature_freeze_days);
        number("code_freeze_days", o.code_freeze_days);
        number("notice_days", o.notice_days);
        extra(o.extra);
        w_.end_object();
    }

    void object(const NotesSectionOverride& o) {
        w_.begin_object();
        token("section", o.section);
        text("title", o.title);
        extra(o.extra);
        w_.end_object();
    }

    void object(const PlanSettings& s) {
        w_.begin_object();
        objects("milestone_offsets", s.milestone_offsets);
        objects("notes_sections", s.notes_sections);
        extra(s.extra);
        w_.end_object();
    }

    void object(const FreezeException& e) {
        w_.begin_object();
        always("approver", e.approver);
        date("approved_on", e.approved_on);
        text("reason", e.reason);
        extra(e.extra);
        w_.end_object();
    }

    void object(const Change& c) {
        w_.begin_object();
        always("id", c.id);
        token("category", c.category);
        always("description", c.description);
        text("ref_id", c.ref_id);
        text("link", c.link);
        text("commit", c.commit);
        text("scope", c.scope);
        text("component", c.component);
        text("impact", c.impact);
        text("workaround", c.workaround);
        token("audience", c.audience);
        date("added_on", c.added_on);
        object("freeze_exception", c.freeze_exception);
        extra(c.extra);
        w_.end_object();
    }

    void object(const KnownIssue& k) {
        w_.begin_object();
        always("description", k.description);
        text("workaround", k.workaround);
        text("ref_id", k.ref_id);
        text("link", k.link);
        extra(k.extra);
        w_.end_object();
    }

    void object(const Communication& c) {
        w_.begin_object();
        token("audience", c.audience);
        token("channel", c.channel);
        text("subject", c.subject);
        strings("stakeholders", c.stakeholders);
        number("notice_days", c.notice_days);
        date("planned_on", c.planned_on);
        date("sent_on", c.sent_on);
        extra(c.extra);
        w_.end_object();
    }

    void object(const Risk& r) {
        w_.begin_object();
        always("description", r.description);
        token("likelihood", r.likelihood);
        token("impact", r.impact);
        text("mitigation", r.mitigation);
        text("owner", r.owner);
        extra(r.extra);
        w_.end_object();
    }

    void object(const QualityGate& g) {
        w_.begin_object();
        token("kind", g.kind);
        text("name", g.name);
        flag("required", g.required);
        token("status", g.status);
        text("approver", g.approver);
        date("approved_on", g.approved_on);
        text("notes", g.notes);
        extra(g.extra);
        w_.end_object();
    }

    void object(const ChangeWindow& c) {
        w_.begin_object();
        always("start", format_offset_time(c.start, c.start_offset_minutes));
        always("end", format_offset_time(c.end, c.end_offset_minutes));
        text("zone", c.zone);
        extra(c.extra);
        w_.end_object();
    }

    void object(const DeploymentPlan& d) {
        w_.begin_object();
        text("strategy", d.strategy);
        text("owner", d.owner);
        strings("steps", d.steps);
        extra(d.extra);
        w_.end_object();
    }

    void object(const RollbackPlan& r) {
        w_.begin_object();
        text("owner", r.owner);
        strings("triggers", r.triggers);
        strings("steps", r.steps);
        extra(r.extra);
        w_.end_object();
    }

    void object(const Metric& m) {
        w_.begin_object();
        always("name", m.name);
        always("value", m.value);
        text("target", m.target);
        extra(m.extra);
        w_.end_object();
    }

    void object(const RetroItem& r) {
        w_.begin_object();
        token("kind", r.kind);
        always("text", r.text);
        text("owner", r.owner);
        extra(r.extra);
        w_.end_object();
    }

    void object(const PostReleaseReview& r) {
        w_.begin_object();
        date("actual_feature_freeze", r.actual_feature_freeze);
        date("actual_code_freeze", r.actual_code_freeze);
        date("actual_release_date", r.actual_release_date);
        if (r.outcome) token("outcome", *r.outcome);
        text("summary", r.summary);
        objects("metrics", r.metrics);
        objects("retrospective", r.retrospective);
        extra(r.extra);
        w_.end_object();
    }

    void object(const Release& r) {
        w_.begin_object();
        always("id", r.id);
        text("name", r.name);
        strings("components", r.components);
        text("version", r.version);
        if (r.calver_scheme) always("calver_scheme", *r.calver_scheme);
        token("type", r.type);
        token("status", r.status);
        if (r.yanked) flag("yanked", true);
        text("theme", r.theme);
        strings("objectives", r.objectives);
        text("branch", r.branch);
        text("link", r.link);
        date("planning_start", r.planning_start);
        date("feature_freeze", r.feature_freeze);
        date("code_freeze", r.code_freeze);
        date("release_date", r.release_date);
        date("embargo_until", r.embargo_until);
        object("change_window", r.change_window);
        text("environment", r.environment);
        text("summary", r.summary);
        strings("upgrade_instructions", r.upgrade_instructions);
        objects("known_issues", r.known_issues);
        strings("contributors", r.contributors);
        objects("changes", r.changes);
        objects("communications", r.communications);
        objects("risks", r.risks);
        objects("quality_gates", r.quality_gates);
        object("deployment", r.deployment);
        object("rollback", r.rollback);
        object("review", r.review);
        extra(r.extra);
        w_.end_object();
    }

    void object(const Plan& p) {
        w_.begin_object();
        w_.key("format");
        w_.begin_object();
        always("name", "relplan");
        w_.key("version");
        w_.number(plan_format_version);
        w_.end_object();
        w_.key("project");
        object(p.project);
        objects("components", p.components);
        objects("stakeholders", p.stakeholders);
        objects("blackouts", p.blackouts);
        objects("holidays", p.holidays);
        if (!(p.settings == PlanSettings{})) {
            w_.key("settings");
            object(p.settings);
        }
        objects("releases", p.releases);
        extra(p.extra);
        w_.end_object();
    }

private:
    json::Writer w_;
};

}  // namespace

std::string to_json(const Plan& plan) {
    PlanWriter writer;
    writer.object(plan);
    return writer.finish();
}

}  // namespace relplan
