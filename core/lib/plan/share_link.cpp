#include "plan/share_link.hpp"

#include "base/assets.hpp"
#include "base/deflate.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>

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

// A revision name as links carry it: 1 to 64 characters of [0-9a-z].
bool is_revision_name(std::string_view name) {
    return !name.empty() && name.size() <= 64 &&
           name.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
}

}  // namespace

std::string to_base64url(std::string_view bytes) {
    static constexpr char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve(bytes.size() * 4 / 3 + 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        acc = (acc << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += abc[(acc >> bits) & 63];
        }
    }
    if (bits > 0) out += abc[(acc << (6 - bits)) & 63];
    return out;
}

// The "&name=value" members after the payload; unknown names and malformed values are skipped.
ShareRevision read_share_link_params(std::string_view params) {
    ShareRevision names;
    while (!params.empty()) {
        if (params.front() == '&') params.remove_prefix(1);
        const std::size_t end = std::min(params.find('&'), params.size());
        const std::string_view member = params.substr(0, end);
        params.remove_prefix(end);
        const std::size_t eq = member.find('=');
        if (eq == std::string_view::npos || !is_revision_name(member.substr(eq + 1))) continue;
        const std::string_view key = member.substr(0, eq), value = member.substr(eq + 1);
        if (key == "r") names.revision = std::string(value);
        else if (key == "b") names.base = std::string(value);
    }
    return names;
}

std::string share_link_params(const ShareRevision& names) {
    std::string out;
    if (is_revision_name(names.revision)) out += "&r=" + names.revision;
    if (is_revision_name(names.base)) out += "&b=" + names.base;
    return out;
}

Result<SharedPlan> read_share_link(std::string_view link, std::size_t max_output) {
    while (!link.empty() && (link.front() == ' ' || link.front() == '\t' || link.front() == '\n' || link.front() == '\r')) link.remove_prefix(1);
    while (!link.empty() && (link.back() == ' ' || link.back() == '\t' || link.back() == '\n' || link.back() == '\r')) link.remove_suffix(1);
    const std::size_t pd1 = link.find("#pd1="), plain = link.find("#plan=");
    if (pd1 == std::string_view::npos && plain == std::string_view::npos)
        return make_error("this is not a relplan share link (it has no #pd1= or #plan= part)");
    const bool dictionary = pd1 != std::string_view::npos && (plain == std::string_view::npos || pd1 < plain);
    std::string_view data = link.substr(dictionary ? pd1 + 5 : plain + 6);
    const std::size_t amp = std::min(data.find('&'), data.size());
    const std::string_view params = data.substr(amp);
    data = data.substr(0, amp);
    // An encoder spends under 2 bytes per byte it encodes (15 bits for the rarest literal) plus a few
    // block headers: a longer link holds more than the cap or padding no encoder writes. The bound
    // is on the link, so nothing is decoded before it holds; small plans, where the headers weigh
    // most, get their headroom from the constant.
    const std::size_t max_bytes = max_output > (SIZE_MAX - 4096) / 2 ? SIZE_MAX / 2 : 2 * max_output + 1024;
    if (data.size() / 4 > max_bytes / 3 + 1) return make_error("the link is too long to be a share link");
    auto bytes = from_base64url(data);
    if (!bytes) return bytes.error();
    auto json = deflate::inflate(*bytes, dictionary ? share_dictionary() : std::string_view(), max_output);
    if (!json) return make_error("the link is damaged or cut short (" + json.error().message + ")");
    return SharedPlan{std::move(*json), read_share_link_params(params)};
}

Result<std::string> plan_json_from_link(std::string_view link, std::size_t max_output) {
    auto shared = read_share_link(link, max_output);
    if (!shared) return shared.error();
    return std::move(shared->json);
}

Result<std::string> make_share_link(std::string_view plan_json, std::string_view address, const ShareRevision& names) {
    auto payload = share_payload(plan_json);
    if (!payload) return payload.error();
    return std::string(address) + "#pd1=" + to_base64url(*payload) + share_link_params(names);
}

}  // namespace relplan
