// plan_json_schema: the JSON Schema text written from the tables of plan_schema.hpp. $defs holds the
// described types in the order they are first reached from the plan's rows (depth first).
#include "plan/plan_schema.hpp"

#include "base/json_doc.hpp"
#include "plan/plan_json.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace relplan {
namespace {

using json::Writer;

// What a member of type M holds: the element type, and whether it is optional or a list of them.
template <class T, bool Optional, bool Vector>
struct ElementOf {
    using type = T;
    static constexpr bool is_optional = Optional;
    static constexpr bool is_vector = Vector;
};
template <class M>
struct Element : ElementOf<M, false, false> {};
template <class T>
struct Element<std::optional<T>> : ElementOf<T, true, false> {};
template <class T>
struct Element<Boxed<T>> : ElementOf<T, true, false> {};
template <class T>
struct Element<std::vector<T>> : ElementOf<T, false, true> {};

// The described type a member holds, through optional and vector (void when there is none).
template <class M>
struct Nested {
    using type = std::conditional_t<schema::Described<M>, M, void>;
};
template <class T>
struct Nested<std::optional<T>> : Nested<T> {};
template <class T>
struct Nested<Boxed<T>> : Nested<T> {};
template <class T>
struct Nested<std::vector<T>> : Nested<T> {};

void description(Writer& w, std::string_view doc) {
    if (doc.empty()) return;
    w.key("description");
    w.string(doc);
}

void reference(Writer& w, std::string_view def, std::string_view doc) {
    w.begin_object();
    w.key("$ref");
    w.string("#/$defs/" + std::string(def));
    description(w, doc);
    w.end_object();
}

void type_is(Writer& w, std::string_view type) {
    w.key("type");
    w.string(type);
}

// The schema of a member of C++ type M.
template <class M>
void member_schema(Writer& w, unsigned flags, std::string_view doc) {
    if constexpr (Element<M>::is_optional) {
        member_schema<typename Element<M>::type>(w, flags, doc);
    } else if constexpr (Element<M>::is_vector) {
        w.begin_object();
        type_is(w, "array");
        w.key("items");
        member_schema<typename Element<M>::type>(w, schema::optional_member, {});
        description(w, doc);
        w.end_object();
    } else if constexpr (schema::Described<M>) {
        reference(w, schema::Def<M>::name, doc);
    } else if constexpr (std::is_same_v<M, Date>) {
        reference(w, "date", doc);
    } else if constexpr (std::is_same_v<M, std::string>) {
        w.begin_object();
        type_is(w, "string");
        description(w, doc);
        if (flags & schema::non_empty) {
            w.key("minLength");
            w.number(1);
        }
        w.end_object();
    } else if constexpr (std::is_same_v<M, bool>) {
        w.begin_object();
        type_is(w, "boolean");
        description(w, doc);
        w.end_object();
    } else if constexpr (std::is_same_v<M, std::int32_t>) {
        w.begin_object();
        type_is(w, "integer");
        w.key("minimum");
        w.number((flags & schema::not_negative) ? 0 : std::numeric_limits<std::int32_t>::min());
        w.key("maximum");
        w.number(std::numeric_limits<std::int32_t>::max());
        description(w, doc);
        w.end_object();
    } else {
        static_assert(std::is_enum_v<M>, "a row's member type has no schema");
        w.begin_object();
        type_is(w, "string");
        w.key("enum");
        w.begin_array();
        for (const M v : all_values<M>()) w.string(to_string(v));
        w.end_array();
        description(w, doc);
        w.end_object();
    }
}

template <class S, class M>
void row_schema(Writer& w, const schema::Row<S, M>& r) {
    w.key(r.key);
    member_schema<M>(w, r.flags, r.doc);
}

template <class S>
void row_schema(Writer& w, const schema::TimeRow<S>& r) {
    w.key(r.key);
    reference(w, "offsetTime", r.doc);
}

template <class T>
void required_keys(Writer& w, std::string_view first = {}) {
    w.key("required");
    w.begin_array();
    if (!first.empty()) w.string(first);
    schema::for_each_row<T>([&](const auto& r) {
        if (r.flags & schema::required) w.string(r.key);
    });
    w.end_array();
}

template <class T>
void properties(Writer& w) {
    schema::for_each_row<T>([&](const auto& r) { row_schema(w, r); });
}

template <class T>
void write_def(Writer& w) {
    using D = schema::Def<T>;
    w.begin_object();
    type_is(w, "object");
    description(w, D::doc);
    required_keys<T>(w);
    w.key("properties");
    w.begin_object();
    properties<T>(w);
    w.end_object();
    if constexpr (requires { D::extra_schema; }) {
        // Written by hand in the table; a syntax error there shows up as a schema test failure.
        const auto extra = json::parse(D::extra_schema);
        if (extra && extra->root.kind == json::Kind::object) {
            for (std::size_t i = 0; i < extra->root.size(); ++i) {
                w.key(extra->root.key(i).text);
                w.value(extra->root.member(i));
            }
        }
    }
    w.end_object();
}

struct DefEntry {
    std::string_view name;
    void (*write)(Writer&);
};

template <class T>
void collect(std::vector<DefEntry>& defs);

template <class T>
void collect_nested(std::vector<DefEntry>& defs) {
    schema::for_each_row<T>([&](const auto& r) {
        if constexpr (requires { typename std::decay_t<decltype(r)>::member_type; }) {
            using N = typename Nested<typename std::decay_t<decltype(r)>::member_type>::type;
            if constexpr (!std::is_void_v<N>) collect<N>(defs);
        }
    });
}

template <class T>
void collect(std::vector<DefEntry>& defs) {
    for (const DefEntry& d : defs) {
        if (d.name == schema::Def<T>::name) return;
    }
    defs.push_back(DefEntry{schema::Def<T>::name, &write_def<T>});
    collect_nested<T>(defs);
}

void format_schema(Writer& w) {
    w.begin_object();
    type_is(w, "object");
    w.key("required");
    w.begin_array();
    w.string("name");
    w.string("version");
    w.end_array();
    w.key("additionalProperties");
    w.boolean(false);
    w.key("properties");
    w.begin_object();
    w.key("name");
    w.begin_object();
    w.key("const");
    w.string("relplan");
    w.end_object();
    w.key("version");
    w.begin_object();
    w.key("const");
    w.number(plan_format_version);
    w.end_object();
    w.end_object();
    w.end_object();
}

void string_def(Writer& w, std::string_view doc, std::string_view pattern) {
    w.begin_object();
    type_is(w, "string");
    description(w, doc);
    w.key("pattern");
    w.string(pattern);
    w.end_object();
}

}  // namespace

std::string plan_json_schema() {
    Writer w;
    w.begin_object();
    w.key("$schema");
    w.string("https://json-schema.org/draft/2020-12/schema");
    w.key("$id");
    w.string("https://relplan.dev/schema/plan-" + std::to_string(plan_format_version) + ".json");
    w.key("title");
    w.string("relplan release plan, format version " + std::to_string(plan_format_version));
    description(w,
                "See docs/plan-format.md. Objects may carry members this version does not define; relplan keeps "
                "them. Checks a schema cannot express (dates that exist, milestone order, unique ids, references, "
                "CalVer versions, duplicate member names) are done by relplan plan validate.");
    type_is(w, "object");
    required_keys<Plan>(w, "format");
    w.key("properties");
    w.begin_object();
    w.key("format");
    format_schema(w);
    properties<Plan>(w);
    w.end_object();

    w.key("$defs");
    w.begin_object();
    w.key("date");
    string_def(w, "A calendar date, YYYY-MM-DD. The loader also checks that the date exists.",
               "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    w.key("offsetTime");
    string_def(w,
               "A date and time with an explicit UTC offset: YYYY-MM-DDTHH:MM[:SS] followed by Z or +HH:MM / "
               "-HH:MM.",
               "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})$");
    std::vector<DefEntry> defs;
    collect_nested<Plan>(defs);
    for (const DefEntry& d : defs) {
        w.key(d.name);
        d.write(w);
    }
    w.end_object();
    w.end_object();
    return w.take() + "\n";
}

}  // namespace relplan
