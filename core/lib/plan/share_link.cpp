#include "plan/share_link.hpp"

#include "base/assets.hpp"
#include "base/deflate.hpp"

#include <nlohmann/json.hpp>

namespace relplan {

std::string_view share_dictionary() { return assets::get("share/dictionary-1.bin"); }

Result<std::string> share_payload(std::string_view plan_json) {
    if (plan_json.size() > max_share_input * 4)
        return make_error("the plan is too large for a share link; share the plan file instead");
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(plan_json, nullptr, false);
    if (doc.is_discarded()) return make_error("the plan is not valid JSON", 0);
    std::string minified = doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    if (minified.size() > max_share_input)
        return make_error("the plan is too large for a share link; share the plan file instead");
    return deflate::compress(minified, share_dictionary());
}

Result<std::string> read_share_payload(std::string_view payload, std::size_t max_output) {
    return deflate::inflate(payload, share_dictionary(), max_output);
}

}  // namespace relplan
