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

namespace {

// base64url without padding (RFC 4648 section 5); padding '=' is tolerated at the end.
Result<std::string> from_base64url(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        int v = -1;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '-') v = 62;
        else if (c == '_') v = 63;
        else if (c == '=' && text.find_first_not_of('=', i) == std::string_view::npos) break;
        if (v < 0) return make_error("the link is damaged: '" + std::string(1, c) + "' is not base64url", i);
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return out;
}

}  // namespace

Result<std::string> plan_json_from_link(std::string_view link, std::size_t max_output) {
    while (!link.empty() && (link.front() == ' ' || link.front() == '\t' || link.front() == '\n' || link.front() == '\r')) link.remove_prefix(1);
    while (!link.empty() && (link.back() == ' ' || link.back() == '\t' || link.back() == '\n' || link.back() == '\r')) link.remove_suffix(1);
    const std::size_t pd1 = link.find("#pd1="), plain = link.find("#plan=");
    if (pd1 == std::string_view::npos && plain == std::string_view::npos)
        return make_error("this is not a relplan share link (it has no #pd1= or #plan= part)");
    const bool dictionary = pd1 != std::string_view::npos && (plain == std::string_view::npos || pd1 < plain);
    const std::string_view data = link.substr(dictionary ? pd1 + 5 : plain + 6);
    // DEFLATE shrinks text at most about 1000:1: a longer link cannot hold a plan within the cap.
    if (data.size() > max_output / 3 * 4 + 4) return make_error("the link is too long to be a share link");
    auto bytes = from_base64url(data);
    if (!bytes) return bytes.error();
    auto json = deflate::inflate(*bytes, dictionary ? share_dictionary() : std::string_view(), max_output);
    if (!json) return make_error("the link is damaged or cut short (" + json.error().message + ")");
    return json;
}

}  // namespace relplan
