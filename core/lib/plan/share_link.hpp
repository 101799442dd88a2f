// The payload of a share link: the plan's JSON, minified, compressed with DEFLATE against a preset
// dictionary (base/deflate.hpp). The dictionary is text plans are made of (the bundled example plan:
// member names, enum values, dates, typical phrasing), so a plan close to it costs little; the page
// also makes a plain DEFLATE link without dictionary and offers the shorter one.
//
// Dictionary 1 (assets/share/dictionary-1.bin) is frozen: links already shared depend on its exact
// bytes. A better dictionary gets a new number and a new link prefix; old links keep working.
#pragma once

#include "base/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace relplan {

// Plans whose minified JSON is larger than this make no link a person can share (links stop at 32K
// characters): share_payload refuses them before compressing.
inline constexpr std::size_t max_share_input = 4u << 20;

std::string_view share_dictionary();
// Minified JSON of `plan_json` compressed against the dictionary; an Error (with offset) when the text
// is not JSON or is larger than max_share_input.
Result<std::string> share_payload(std::string_view plan_json);
// The JSON a payload holds, inflated at most to `max_output` bytes (the plan cap).
Result<std::string> read_share_payload(std::string_view payload, std::size_t max_output);

// `bytes` as base64url without padding (RFC 4648 section 5), the form links carry payloads in.
std::string to_base64url(std::string_view bytes);

// The plan JSON of a whole share link as people paste it: "https://…/#pd1=<base64url>" (payload
// above) or "#plan=<base64url>" (raw DEFLATE, no dictionary), with or without the address before the
// fragment and surrounding whitespace. Errors say what is wrong with the link.
Result<std::string> plan_json_from_link(std::string_view link, std::size_t max_output);

// Which versions of the plan a link speaks of (team/revision.hpp names them): the version it holds
// and the version it was made from, the last one its sender exchanged by link (the common base of a
// three-way merge when the receiver holds it). They follow the payload as "&r=<revision>&b=<base>";
// links without them (older links) read as before, and members a reader does not know are skipped.
struct ShareRevision {
    std::string revision;  // "" when the link does not say
    std::string base;      // "" when not known
    bool operator==(const ShareRevision&) const = default;
};
// "&r=…&b=…" for the non-empty names (only [0-9a-z] is written; other names are left out).
std::string share_link_params(const ShareRevision& names);
// The names in the "&…" text after a payload (the page reads the payload itself).
ShareRevision read_share_link_params(std::string_view params);

struct SharedPlan {
    std::string json;
    ShareRevision names;
};
// plan_json_from_link with the revision names the link carries.
Result<SharedPlan> read_share_link(std::string_view link, std::size_t max_output);

// "<address>#pd1=<base64url(share_payload)><share_link_params>" (the desktop's links; the page also
// tries the plain form and offers the shorter).
Result<std::string> make_share_link(std::string_view plan_json, std::string_view address, const ShareRevision& names);

}  // namespace relplan
