#include "team/revision.hpp"

#include "plan/plan_json.hpp"
#include "team/resolve.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace relplan {
namespace {

// SHA-256 (FIPS 180-4). Names only need to be equal for equal content and distinct otherwise; a
// standard hash lets anyone check a name with sha256sum.
class Sha256 {
public:
    void update(std::string_view data) {
        for (unsigned char c : data) {
            block_[used_++] = c;
            if (used_ == 64) {
                compress();
                used_ = 0;
            }
        }
        length_ += static_cast<std::uint64_t>(data.size());
    }
    std::array<std::uint8_t, 32> finish() {
        const std::uint64_t bits = length_ * 8;
        block_[used_++] = 0x80;
        if (used_ > 56) {
            while (used_ < 64) block_[used_++] = 0;
            compress();
            used_ = 0;
        }
        while (used_ < 56) block_[used_++] = 0;
        for (int i = 7; i >= 0; --i) block_[used_++] = static_cast<std::uint8_t>(bits >> (i * 8));
        compress();
        std::array<std::uint8_t, 32> out{};
        for (int i = 0; i < 8; ++i)
            for (int j = 0; j < 4; ++j) out[static_cast<std::size_t>(i * 4 + j)] = static_cast<std::uint8_t>(h_[i] >> (24 - j * 8));
        return out;
    }

private:
    static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
    void compress() {
        static constexpr std::uint32_t k[64] = {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = static_cast<std::uint32_t>(block_[i * 4]) << 24 | static_cast<std::uint32_t>(block_[i * 4 + 1]) << 16 |
                   static_cast<std::uint32_t>(block_[i * 4 + 2]) << 8 | block_[i * 4 + 3];
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
            const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h_[0] += a; h_[1] += b; h_[2] += c; h_[3] += d; h_[4] += e; h_[5] += f; h_[6] += g; h_[7] += h;
    }

    std::uint32_t h_[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::uint8_t block_[64] = {};
    int used_ = 0;
    std::uint64_t length_ = 0;
};

}  // namespace

std::string revision_of(std::string_view bytes) {
    Sha256 sha;
    sha.update(bytes);
    const auto digest = sha.finish();
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < 8; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

std::string plan_revision(const Plan& plan) { return revision_of(to_json(plan)); }

ShareRevision share_revision(const Plan& plan, const std::string& last_exchanged) {
    ShareRevision names;
    names.revision = plan_revision(plan);
    if (last_exchanged != names.revision) names.base = last_exchanged;
    return names;
}

std::vector<std::string> merge_base_candidates(const Plan& theirs, const ShareRevision& link) {
    std::vector<std::string> out{plan_revision(theirs)};
    for (const std::string* name : {&link.revision, &link.base})
        if (!name->empty() && std::find(out.begin(), out.end(), *name) == out.end()) out.push_back(*name);
    return out;
}

Result<SharedMerge> merge_shared(const Plan& ours, const Plan& theirs, const std::optional<std::string>& base_json,
                                 const std::string& base_revision) {
    SharedMerge out;
    std::optional<Plan> base;
    if (base_json) {
        PlanLoad load = load_plan(*base_json);
        // A kept version of another project (or one that no longer decodes) is no common base.
        if (load.plan && load.plan->project.id == ours.project.id && load.plan->project.id == theirs.project.id)
            base = std::move(load.plan);
    }
    auto merged = base ? merge_plans(*base, ours, theirs) : merge_two_way(ours, theirs);
    if (!merged) return merged.error();
    out.merge = std::move(*merged);
    out.three_way = base.has_value();
    if (out.three_way) out.base_revision = base_revision;
    return out;
}

}  // namespace relplan
