// libFuzzer target: share links (plan/share_link.hpp) and the DEFLATE reader under them.
// Invariants: no crash; a link, a payload or a raw DEFLATE stream never inflates past the cap it is
// given (the output is exactly the cap or less, and one byte less of cap turns it into an Error);
// an Error always says why; a JSON input made into a link reads back as its minified JSON with the
// revision names; compress() output inflates back to its input, with and without the dictionary,
// and through a standard inflater given stored_prefix(dictionary).
#include "base/deflate.hpp"
#include "plan/share_link.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace relplan;

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

// The cap small enough that fuzzed streams reach it, as the page's plan cap does for real links.
constexpr std::size_t kCap = 1u << 16;

template <class T>
void require_reason(const Result<T>& r) {
    if (!r) require(!r.error().message.empty());
}

// Inflating stops at the cap: what fits comes back whole, one byte less of cap is an Error.
void check_cap(std::string_view compressed, std::string_view dictionary) {
    const auto out = deflate::inflate(compressed, dictionary, kCap);
    require_reason(out);
    if (!out) return;
    require(out->size() <= kCap);
    const auto exact = deflate::inflate(compressed, dictionary, out->size());
    require(exact && *exact == *out);
    if (!out->empty()) require(!deflate::inflate(compressed, dictionary, out->size() - 1));
}

void check_links(std::string_view text) {
    const auto shared = read_share_link(text, kCap);
    require_reason(shared);
    if (shared) {
        require(shared->json.size() <= kCap);
        const auto json = plan_json_from_link(text, kCap);
        require(json && *json == shared->json);
    }
    const auto payload = read_share_payload(text, kCap);
    require_reason(payload);
    if (payload) require(payload->size() <= kCap);
    // The link after a fragment marker: the same text read as base64url data.
    for (const char* marker : {"#plan=", "https://example.org/relplan/#pd1="}) {
        const auto link = read_share_link(marker + std::string(text), kCap);
        require_reason(link);
        if (link) require(link->json.size() <= kCap);
    }
}

void check_compress(std::string_view text, std::string_view dict) {
    const std::string packed = deflate::compress(text, dict);
    const auto back = deflate::inflate(packed, dict, text.size());
    require(back && *back == text);
    const auto standard = deflate::inflate(deflate::stored_prefix(dict) + packed, {}, dict.size() + text.size());
    require(standard && standard->size() == dict.size() + text.size() &&
            std::string_view(*standard).substr(dict.size()) == text);
}

// The dictionary (22 KB) is compressed against and inflated again on every use: only JSON, what
// links carry, takes that path.
void check_round_trip(std::string_view text) {
    check_compress(text, {});
    const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
        require(!share_payload(text));
        return;
    }
    check_compress(text, share_dictionary());
    const std::string minified = doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    const ShareRevision names{"r1", "b0"};
    const auto link = make_share_link(text, "https://example.org/relplan/", names);
    require(link.ok());
    const auto read = read_share_link(*link, minified.size());
    require(read && read->json == minified && read->names == names);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_cap(text, {});
    if (size < 4096) check_cap(text, share_dictionary());
    check_links(text);
    check_round_trip(text);
    return 0;
}
