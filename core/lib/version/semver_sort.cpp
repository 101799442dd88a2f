#include "version/semver_sort.hpp"

#include "base/text.hpp"
#include "version/semver_detail.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace relplan {

using namespace semver_detail;

namespace {

// A parsed line: the numbers by value, the rest as offsets into the text (or, for a pre-release
// that loose parsing rewrote, into the arena).
struct Key {
    std::uint64_t number[3];
    std::uint32_t line;       // offset of the line's first byte in the text
    std::uint32_t pre;        // offset of the pre-release in the text or the arena
    std::uint32_t build;      // offset of the build metadata in the text
    std::uint16_t line_size;  // a valid version line is at most a few hundred bytes
    std::uint16_t pre_size;
    std::uint16_t build_size;
    bool pre_in_arena;
};

class Sorter {
public:
    Sorter(std::string_view text, SemverOptions options) : text_(text), options_(options) {}

    Result<std::monostate> read() {
        if (static_cast<std::uint64_t>(text_.size()) > UINT32_MAX) return make_error("the input is larger than 4 GiB");
        keys_.reserve(static_cast<std::size_t>(std::count(text_.begin(), text_.end(), '\n')) + 1);
        char scratch[kScratchSize];
        LineReader lines(text_);
        while (const auto line = lines.next()) {
            if (js_trim(line->text).empty()) continue;
            auto parsed = parse_parts(line->text, options_, scratch);
            if (!parsed.ok()) {
                return make_error("line " + std::to_string(line->number) + ": " + parsed.error().message);
            }
            keys_.push_back(key(line->text, *parsed));
        }
        return std::monostate{};
    }

    void sort(bool reverse) {
        // Ties (equal in compareBuild) fall back to the input order, which makes std::sort stable
        // without stable_sort's buffer of another n keys.
        if (reverse) {
            std::sort(keys_.begin(), keys_.end(), [&](const Key& a, const Key& b) {
                const int c = compare(b, a);
                return c != 0 ? c < 0 : a.line < b.line;
            });
        } else {
            std::sort(keys_.begin(), keys_.end(), [&](const Key& a, const Key& b) {
                const int c = compare(a, b);
                return c != 0 ? c < 0 : a.line < b.line;
            });
        }
    }

    void write(const std::function<void(std::string_view)>& out) const {
        for (const Key& k : keys_) out(text_.substr(k.line, k.line_size));
    }

private:
    Key key(std::string_view line, const Parsed& p) {
        Key k{};
        for (int i = 0; i < 3; ++i) k.number[i] = p.number[i];
        k.line = offset(line.data());
        k.line_size = static_cast<std::uint16_t>(line.size());
        k.build = p.build.empty() ? 0 : offset(p.build.data());
        k.build_size = static_cast<std::uint16_t>(p.build.size());
        k.pre_size = static_cast<std::uint16_t>(p.pre.size());
        const bool in_text = p.pre.empty() || (p.pre.data() >= text_.data() && p.pre.data() < text_.data() + text_.size());
        if (in_text) {
            k.pre = p.pre.empty() ? 0 : offset(p.pre.data());
        } else {
            k.pre = static_cast<std::uint32_t>(arena_.size());
            k.pre_in_arena = true;
            arena_.append(p.pre);
        }
        return k;
    }

    std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - text_.data()); }

    std::string_view pre(const Key& k) const {
        return std::string_view(k.pre_in_arena ? arena_.data() : text_.data(), k.pre_in_arena ? arena_.size() : text_.size())
            .substr(k.pre, k.pre_size);
    }

    // node-semver compareBuild: numbers, then a release above its pre-releases, then the
    // pre-release identifiers, then the build identifiers.
    int compare(const Key& a, const Key& b) const {
        for (int i = 0; i < 3; ++i) {
            if (a.number[i] != b.number[i]) return a.number[i] < b.number[i] ? -1 : 1;
        }
        if ((a.pre_size == 0) != (b.pre_size == 0)) return a.pre_size == 0 ? 1 : -1;
        if (a.pre_size != 0) {
            if (const int c = compare_identifier_lists(pre(a), pre(b))) return c;
        }
        return compare_identifier_lists(text_.substr(a.build, a.build_size), text_.substr(b.build, b.build_size));
    }

    std::string_view text_;
    SemverOptions options_;
    std::vector<Key> keys_;
    std::string arena_;
};

}  // namespace

Result<std::monostate> sort_version_lines(std::string_view text, SemverOptions options, bool reverse,
                                          const std::function<void(std::string_view line)>& out) {
    Sorter sorter(text, options);
    if (auto read = sorter.read(); !read.ok()) return read.error();
    sorter.sort(reverse);
    sorter.write(out);
    return std::monostate{};
}

}  // namespace relplan
