#include "base/deflate.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <vector>

namespace relplan::deflate {

namespace {

constexpr std::size_t window = 32768;
constexpr std::size_t min_match = 3;
constexpr std::size_t max_match = 258;
constexpr int max_chain = 96;

// RFC 1951 3.2.5: length and distance codes as (base, extra bits).
constexpr std::array<std::uint16_t, 29> length_base = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                       31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> length_extra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                       2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> dist_base = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,
                                                     33,  49,  65,  97,  129, 193,  257,  385,  513,  769,
                                                     1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> dist_extra = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                     6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

class BitWriter {
public:
    void bits(std::uint32_t value, int count) {  // least significant bit first
        acc_ |= static_cast<std::uint64_t>(value) << n_;
        n_ += count;
        while (n_ >= 8) {
            out_ += static_cast<char>(acc_ & 0xFF);
            acc_ >>= 8;
            n_ -= 8;
        }
    }
    void huffman(std::uint32_t code, int length) {  // Huffman codes go most significant bit first
        std::uint32_t reversed = 0;
        for (int i = 0; i < length; ++i) reversed |= ((code >> i) & 1u) << (length - 1 - i);
        bits(reversed, length);
    }
    std::string finish() {
        if (n_ > 0) bits(0, 8 - n_);
        return std::move(out_);
    }

private:
    std::string out_;
    std::uint64_t acc_ = 0;
    int n_ = 0;
};

// The fixed literal/length code (RFC 1951 3.2.6).
void literal(BitWriter& w, unsigned symbol) {
    if (symbol < 144) w.huffman(0x30 + symbol, 8);
    else if (symbol < 256) w.huffman(0x190 + symbol - 144, 9);
    else if (symbol < 280) w.huffman(symbol - 256, 7);
    else w.huffman(0xC0 + symbol - 280, 8);
}

void match(BitWriter& w, std::size_t length, std::size_t distance) {
    std::size_t l = std::upper_bound(length_base.begin(), length_base.end(), length) - length_base.begin() - 1;
    literal(w, static_cast<unsigned>(257 + l));
    w.bits(static_cast<std::uint32_t>(length - length_base[l]), length_extra[l]);
    std::size_t d = std::upper_bound(dist_base.begin(), dist_base.end(), distance) - dist_base.begin() - 1;
    w.huffman(static_cast<std::uint32_t>(d), 5);
    w.bits(static_cast<std::uint32_t>(distance - dist_base[d]), dist_extra[d]);
}

std::uint32_t hash3(const std::string& s, std::size_t i) {
    return ((static_cast<std::uint8_t>(s[i]) << 10) ^ (static_cast<std::uint8_t>(s[i + 1]) << 5) ^
            static_cast<std::uint8_t>(s[i + 2])) & 0x7FFF;
}

struct Matcher {
    const std::string& text;  // dictionary followed by the data
    std::vector<std::int64_t> head = std::vector<std::int64_t>(0x8000, -1);
    std::vector<std::int64_t> prev;

    explicit Matcher(const std::string& t) : text(t), prev(t.size(), -1) {}

    void insert(std::size_t i) {
        if (i + min_match > text.size()) return;
        std::uint32_t h = hash3(text, i);
        prev[i] = head[h];
        head[h] = static_cast<std::int64_t>(i);
    }

    // Longest match for position i within the window: (length, distance), length 0 when none.
    std::pair<std::size_t, std::size_t> longest(std::size_t i) const {
        if (i + min_match > text.size()) return {0, 0};
        std::size_t best = 0, best_dist = 0, limit = std::min(max_match, text.size() - i);
        std::int64_t c = head[hash3(text, i)];
        for (int chain = 0; c >= 0 && chain < max_chain; ++chain, c = prev[static_cast<std::size_t>(c)]) {
            std::size_t cand = static_cast<std::size_t>(c);
            if (i - cand > window) break;
            std::size_t n = 0;
            while (n < limit && text[cand + n] == text[i + n]) ++n;
            if (n > best) {
                best = n;
                best_dist = i - cand;
                if (n == limit) break;
            }
        }
        return best >= min_match ? std::make_pair(best, best_dist) : std::make_pair<std::size_t, std::size_t>(0, 0);
    }
};

}  // namespace

std::string compress(std::string_view data, std::string_view dictionary) {
    // Only the last window of the dictionary can be referred to.
    if (dictionary.size() > window) dictionary = dictionary.substr(dictionary.size() - window);
    std::string text(dictionary);
    text.append(data);
    Matcher m(text);
    for (std::size_t i = 0; i < dictionary.size(); ++i) m.insert(i);
    BitWriter w;
    w.bits(1, 1);  // BFINAL
    w.bits(1, 2);  // BTYPE 01: fixed Huffman codes
    std::size_t i = dictionary.size();
    while (i < text.size()) {
        auto [len, dist] = m.longest(i);
        if (len > 0 && len < max_match && i + 1 < text.size()) {  // lazy: a longer match one byte on?
            m.insert(i);
            auto [next_len, next_dist] = m.longest(i + 1);
            if (next_len > len + 1) {
                literal(w, static_cast<std::uint8_t>(text[i]));
                ++i;
                len = next_len;
                dist = next_dist;
            } else {
                match(w, len, dist);
                for (std::size_t k = 1; k < len; ++k) m.insert(i + k);
                i += len;
                continue;
            }
        } else if (len == 0) {
            literal(w, static_cast<std::uint8_t>(text[i]));
            m.insert(i);
            ++i;
            continue;
        }
        match(w, len, dist);
        for (std::size_t k = 0; k < len; ++k) m.insert(i + k);
        i += len;
    }
    literal(w, 256);  // end of block
    return w.finish();
}

std::string stored_prefix(std::string_view dictionary) {
    std::string out;
    do {
        std::size_t n = std::min<std::size_t>(dictionary.size(), 65535);
        out += '\0';  // BFINAL 0, BTYPE 00, padding to the byte boundary
        out += static_cast<char>(n & 0xFF);
        out += static_cast<char>(n >> 8);
        out += static_cast<char>(~n & 0xFF);
        out += static_cast<char>((~n >> 8) & 0xFF);
        out.append(dictionary.substr(0, n));
        dictionary.remove_prefix(n);
    } while (!dictionary.empty());
    return out;
}

namespace {

class BitReader {
public:
    explicit BitReader(std::string_view s) : s_(s) {}
    bool bits(int count, std::uint32_t& value) {
        value = 0;
        for (int k = 0; k < count; ++k) {
            if (pos_ >= s_.size() * 8) return false;
            value |= ((static_cast<std::uint8_t>(s_[pos_ / 8]) >> (pos_ % 8)) & 1u) << k;
            ++pos_;
        }
        return true;
    }
    bool huffman_bits(int count, std::uint32_t& code) {  // most significant bit first
        code = 0;
        for (int k = 0; k < count; ++k) {
            std::uint32_t b = 0;
            if (!bits(1, b)) return false;
            code = (code << 1) | b;
        }
        return true;
    }
    void align() { pos_ = (pos_ + 7) / 8 * 8; }
    std::size_t offset() const { return pos_ / 8; }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

// A canonical Huffman code (RFC 1951 3.2.2) as counts per length and symbols in code order; decoded
// one bit at a time, which is plenty for share links.
struct Huffman {
    std::uint16_t count[16] = {};
    std::vector<std::uint16_t> symbol;
};

// False when the lengths over-subscribe the code (an incomplete code is allowed: unused codes fail
// to decode).
bool build(Huffman& h, const std::uint8_t* lengths, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) ++h.count[lengths[i]];
    h.count[0] = 0;
    int left = 1;
    for (int len = 1; len < 16; ++len) {
        left = left * 2 - h.count[len];
        if (left < 0) return false;
    }
    std::uint16_t offset[16] = {};
    for (int len = 1; len < 15; ++len) offset[len + 1] = static_cast<std::uint16_t>(offset[len] + h.count[len]);
    h.symbol.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (lengths[i] != 0) h.symbol[offset[lengths[i]]++] = static_cast<std::uint16_t>(i);
    return true;
}

// The next symbol; -1 at the end of the input or on a code the table does not have.
int decode(BitReader& r, const Huffman& h) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len < 16; ++len) {
        std::uint32_t b = 0;
        if (!r.bits(1, b)) return -1;
        code |= static_cast<int>(b);
        const int count = h.count[len];
        if (code - count < first) return h.symbol[static_cast<std::size_t>(index + (code - first))];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    return -1;
}

void fixed_codes(Huffman& lit, Huffman& dist) {
    std::uint8_t lengths[288];
    for (int i = 0; i < 288; ++i) lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
    build(lit, lengths, 288);
    std::uint8_t d[30];
    for (auto& x : d) x = 5;
    build(dist, d, 30);
}

// The code lengths of a dynamic block (RFC 1951 3.2.7); an error text when they are malformed.
const char* dynamic_codes(BitReader& r, Huffman& lit, Huffman& dist) {
    static constexpr std::uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    std::uint32_t hlit = 0, hdist = 0, hclen = 0;
    if (!r.bits(5, hlit) || !r.bits(5, hdist) || !r.bits(4, hclen)) return "cut short";
    hlit += 257;
    hdist += 1;
    hclen += 4;
    if (hlit > 286 || hdist > 30) return "bad code counts";
    std::uint8_t lengths[320] = {};
    for (std::uint32_t i = 0, v = 0; i < hclen; ++i) {
        if (!r.bits(3, v)) return "cut short";
        lengths[order[i]] = static_cast<std::uint8_t>(v);
    }
    Huffman lencode;
    if (!build(lencode, lengths, 19)) return "bad code length code";
    std::fill(std::begin(lengths), std::end(lengths), 0);
    for (std::uint32_t i = 0; i < hlit + hdist;) {
        const int sym = decode(r, lencode);
        if (sym < 0) return "cut short or bad code length";
        if (sym < 16) {
            lengths[i++] = static_cast<std::uint8_t>(sym);
            continue;
        }
        std::uint32_t repeat = 0, times = 0;
        std::uint8_t value = 0;
        if (sym == 16) {
            if (i == 0) return "a repeat with nothing before it";
            value = lengths[i - 1];
            if (!r.bits(2, times)) return "cut short";
            repeat = 3 + times;
        } else if (sym == 17) {
            if (!r.bits(3, times)) return "cut short";
            repeat = 3 + times;
        } else {
            if (!r.bits(7, times)) return "cut short";
            repeat = 11 + times;
        }
        if (i + repeat > hlit + hdist) return "too many code lengths";
        while (repeat-- > 0) lengths[i++] = value;
    }
    if (lengths[256] == 0) return "no end-of-block code";
    if (!build(lit, lengths, hlit) || !build(dist, lengths + hlit, hdist)) return "over-subscribed code";
    return nullptr;
}

}  // namespace

Result<std::string> inflate(std::string_view compressed, std::string_view dictionary, std::size_t max_output) {
    std::string out(dictionary);
    const std::size_t start = out.size();
    BitReader r(compressed);
    const auto fail = [&](const std::string& what) { return make_error("deflate data: " + what, r.offset()); };
    for (std::uint32_t final_block = 0; !final_block;) {
        std::uint32_t type = 0;
        if (!r.bits(1, final_block) || !r.bits(2, type)) return fail("cut short");
        if (type == 0) {
            r.align();
            std::uint32_t len = 0, nlen = 0;
            if (!r.bits(16, len) || !r.bits(16, nlen) || (len ^ 0xFFFF) != nlen) return fail("bad stored block");
            if (out.size() - start + len > max_output) return fail("output larger than allowed");
            for (std::uint32_t k = 0, b = 0; k < len; ++k) {
                if (!r.bits(8, b)) return fail("cut short");
                out += static_cast<char>(b);
            }
            continue;
        }
        if (type == 3) return fail("bad block type");
        Huffman lit, dist;
        if (type == 1) {
            fixed_codes(lit, dist);
        } else if (const char* why = dynamic_codes(r, lit, dist)) {
            return fail(why);
        }
        for (;;) {
            const int sym = decode(r, lit);
            if (sym < 0 || sym > 285) return fail("cut short or bad code");
            if (sym == 256) break;
            if (sym < 256) {
                out += static_cast<char>(sym);
            } else {
                std::uint32_t extra = 0, dextra = 0;
                const std::size_t l = static_cast<std::size_t>(sym - 257);
                if (!r.bits(length_extra[l], extra)) return fail("cut short");
                const int dcode = decode(r, dist);
                if (dcode < 0 || dcode >= 30 || !r.bits(dist_extra[dcode], dextra)) return fail("cut short or bad distance");
                const std::size_t len = length_base[l] + extra, d = dist_base[dcode] + dextra;
                if (d > out.size()) return fail("distance before the start");
                for (std::size_t k = 0; k < len; ++k) out += out[out.size() - d];
            }
            if (out.size() - start > max_output) return fail("output larger than allowed");
        }
    }
    return out.substr(start);
}

}  // namespace relplan::deflate
