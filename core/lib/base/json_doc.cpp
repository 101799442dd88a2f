#include "base/json_doc.hpp"

#include "base/utf8.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <optional>

namespace relplan::json {
namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

std::string hex_byte(unsigned char c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class Parser {
public:
    explicit Parser(std::string_view text, const Stream* stream = nullptr) : s_(text), stream_(stream) {}

    Result<Document> run() {
        Document doc;
        root_ = &doc.root;
        skip_ws();
        if (i_ == s_.size()) return fail("the file is empty; expected a JSON object");
        if (!parse_value(doc.root, 0)) return std::move(*error_);
        skip_ws();
        if (i_ != s_.size()) return fail("unexpected " + found() + " after the end of the JSON value");
        std::stable_sort(duplicates_.begin(), duplicates_.end(),
                         [](const DuplicateKey& a, const DuplicateKey& b) { return a.offset < b.offset; });
        doc.duplicate_keys = std::move(duplicates_);
        doc.streamed_offsets = std::move(streamed_offsets_);
        return doc;
    }

    // One value from `offset` on; the rest of the text is not looked at.
    Result<Value> run_at(std::size_t offset) {
        Value v;
        i_ = offset;
        if (!parse_value(v, 0)) return std::move(*error_);
        return v;
    }

private:
    Error fail(std::string message) { return fail_at(std::move(message), i_); }
    Error fail_at(std::string message, std::size_t at) {
        error_ = Error{std::move(message), at};
        return *error_;
    }

    // A readable name for whatever is at the cursor.
    std::string found() const {
        if (i_ >= s_.size()) return "end of file";
        const auto c = static_cast<unsigned char>(s_[i_]);
        if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
        if (c == '\n') return "a line break";
        if (c >= 0x80) {
            const std::size_t n = utf8::sequence_length(s_, i_);
            if (n > 0) return "'" + std::string(s_.substr(i_, n)) + "'";
            return "byte " + hex_byte(c) + ", which is not UTF-8 text";
        }
        return "control byte " + hex_byte(c);
    }

    void skip_ws() {
        while (i_ < s_.size() && is_ws(s_[i_])) ++i_;
    }

    // Steps over `c` when it is at the cursor.
    bool consume(char c) {
        if (i_ >= s_.size() || s_[i_] != c) return false;
        ++i_;
        return true;
    }

    // Steps into the container at the cursor; true when it is empty (its closing bracket is read too).
    bool enter(Value& v, Kind kind, char closing) {
        v.kind = kind;
        ++i_;
        skip_ws();
        return consume(closing);
    }

    bool parse_value(Value& v, int depth) {
        v.offset = i_;
        if (i_ >= s_.size()) {
            fail("unexpected end of file; expected a JSON value");
            return false;
        }
        const char c = s_[i_];
        if (c == '{' || c == '[') {
            if (depth >= max_depth) {
                fail("nesting deeper than " + std::to_string(max_depth) + " levels");
                return false;
            }
            return c == '{' ? parse_object(v, depth + 1) : parse_array(v, depth + 1);
        }
        if (c == '"') {
            v.kind = Kind::string;
            return parse_string(v.text);
        }
        if (c == '-' || is_digit(c)) return parse_number(v);
        if (is_word(c)) return parse_word(v);
        if (c == '/') {
            fail("comments are not allowed in JSON");
            return false;
        }
        fail("expected a JSON value, found " + found());
        return false;
    }

    bool parse_word(Value& v) {
        const std::size_t start = i_;
        while (i_ < s_.size() && is_word(s_[i_]) && i_ - start < 32) ++i_;
        const std::string_view word = s_.substr(start, i_ - start);
        if (word == "true" || word == "false") {
            v.kind = Kind::boolean;
            v.boolean = word == "true";
            return true;
        }
        if (word == "null") {
            v.kind = Kind::null;
            return true;
        }
        fail_at("expected a JSON value, found '" + std::string(word) + "'", start);
        return false;
    }

    bool parse_number(Value& v) {
        const std::size_t start = i_;
        const auto bad = [&](const char* what) {
            fail_at(std::string("invalid number: ") + what, start);
            return false;
        };
        if (s_[i_] == '-') ++i_;
        if (i_ >= s_.size() || !is_digit(s_[i_])) return bad("expected a digit after '-'");
        if (s_[i_] == '0') {
            ++i_;
            if (i_ < s_.size() && is_digit(s_[i_])) return bad("leading zeros are not allowed");
        } else {
            while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
        }
        if (consume('.')) {
            if (i_ >= s_.size() || !is_digit(s_[i_])) return bad("expected a digit after '.'");
            while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (i_ >= s_.size() || !is_digit(s_[i_])) return bad("expected a digit in the exponent");
            while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
        }
        v.kind = Kind::number;
        v.text.assign(s_.substr(start, i_ - start));
        return true;
    }

    bool parse_hex4(std::uint32_t& out) {
        if (s_.size() - i_ < 4) {
            fail("unexpected end of file in a \\u escape");
            return false;
        }
        out = 0;
        for (int k = 0; k < 4; ++k) {
            const int h = hex_value(s_[i_ + k]);
            if (h < 0) {
                fail("invalid \\u escape: expected four hexadecimal digits");
                return false;
            }
            out = out * 16 + static_cast<std::uint32_t>(h);
        }
        i_ += 4;
        return true;
    }

    bool parse_string(std::string& out) {
        const std::size_t open = i_;
        ++i_;  // opening quote
        for (;;) {
            const std::size_t run = i_;
            while (i_ < s_.size()) {
                const auto c = static_cast<unsigned char>(s_[i_]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++i_;
            }
            out.append(s_.data() + run, i_ - run);
            if (i_ >= s_.size()) {
                fail_at("unterminated string: end of file before the closing '\"'", open);
                return false;
            }
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                ++i_;
                return true;
            }
            if (c >= 0x80) {
                const std::size_t n = utf8::sequence_length(s_, i_);
                if (n == 0) {
                    fail("invalid UTF-8: byte " + hex_byte(c) + " in a string");
                    return false;
                }
                out.append(s_.data() + i_, n);
                i_ += n;
                continue;
            }
            if (c < 0x20) {
                fail(c == '\n' ? "line break inside a string (write it as \\n, or close the string)"
                               : "control byte " + hex_byte(c) + " inside a string (escape it as \\u00" +
                                     hex_byte(c).substr(2) + ")");
                return false;
            }
            // backslash
            ++i_;
            if (i_ >= s_.size()) {
                fail("unexpected end of file in an escape sequence");
                return false;
            }
            const char e = s_[i_];
            const std::size_t escape_at = i_ - 1;
            ++i_;
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!parse_hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail_at("invalid \\u escape: unpaired low surrogate", escape_at);
                        return false;
                    }
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        std::uint32_t low = 0;
                        if (s_.size() - i_ < 2 || s_[i_] != '\\' || s_[i_ + 1] != 'u') {
                            fail_at("invalid \\u escape: unpaired high surrogate", escape_at);
                            return false;
                        }
                        i_ += 2;
                        if (!parse_hex4(low)) return false;
                        if (low < 0xDC00 || low > 0xDFFF) {
                            fail_at("invalid \\u escape: unpaired high surrogate", escape_at);
                            return false;
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    utf8::append(out, cp);
                    break;
                }
                default:
                    i_ = escape_at;
                    fail("invalid escape sequence '\\" + std::string(1, e) + "' in a string");
                    return false;
            }
        }
    }

    bool parse_array(Value& v, int depth) {
        if (enter(v, Kind::array, ']')) return true;
        const bool streamed = &v == streamed_array_;
        for (;;) {
            skip_ws();
            v.children.emplace_back();
            if (!parse_value(v.children.back(), depth)) return false;
            if (streamed) {
                streamed_offsets_.push_back(v.children.back().offset);
                stream_->each(v.children.back(), *root_);
                v.children.pop_back();
            }
            skip_ws();
            if (consume(',')) continue;
            if (consume(']')) return true;
            fail(i_ >= s_.size() ? "unexpected end of file in an array; expected ',' or ']'"
                                 : "expected ',' or ']' after an array element, found " + found());
            return false;
        }
    }

    bool parse_object(Value& v, int depth) {
        if (enter(v, Kind::object, '}')) return true;
        for (;;) {
            skip_ws();
            if (i_ >= s_.size()) {
                fail("unexpected end of file in an object; expected a member name");
                return false;
            }
            if (s_[i_] != '"') {
                fail("expected a member name in double quotes, found " + found());
                return false;
            }
            v.children.emplace_back();
            Value& key = v.children.back();
            key.kind = Kind::string;
            key.offset = i_;
            if (!parse_string(key.text)) return false;
            skip_ws();
            if (!consume(':')) {
                fail(i_ >= s_.size() ? "unexpected end of file in an object; expected ':'"
                                     : "expected ':' after the member name, found " + found());
                return false;
            }
            skip_ws();
            v.children.emplace_back();
            if (stream_ != nullptr && &v == root_ && v.children[v.children.size() - 2].text == stream_->member) {
                streamed_array_ = &v.children.back();
            }
            if (!parse_value(v.children.back(), depth)) return false;
            streamed_array_ = nullptr;  // the next member may move the root's children
            skip_ws();
            if (consume(',')) continue;
            if (consume('}')) {
                find_duplicates(v);
                return true;
            }
            fail(i_ >= s_.size() ? "unexpected end of file in an object; expected ',' or '}'"
                                 : "expected ',' or '}' after an object member, found " + found());
            return false;
        }
    }

    void find_duplicates(const Value& v) {
        const std::size_t n = v.size();
        if (n < 2) return;
        if (n <= 16) {  // the usual case: no allocation
            for (std::size_t k = 1; k < n; ++k) {
                for (std::size_t j = 0; j < k; ++j) {
                    if (v.key(j).text == v.key(k).text) {
                        duplicates_.push_back(DuplicateKey{v.key(k).text, v.key(k).offset, v.key(j).offset});
                        break;
                    }
                }
            }
            return;
        }
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return v.key(a).text < v.key(b).text; });
        for (std::size_t k = 1; k < n; ++k) {
            const Value& again = v.key(order[k]);
            if (v.key(order[k - 1]).text != again.text) continue;
            std::size_t origin = k - 1;
            while (origin > 0 && v.key(order[origin - 1]).text == again.text) --origin;
            duplicates_.push_back(DuplicateKey{again.text, again.offset, v.key(order[origin]).offset});
        }
    }

    std::string_view s_;
    const Stream* stream_ = nullptr;
    const Value* root_ = nullptr;
    const Value* streamed_array_ = nullptr;
    std::vector<std::size_t> streamed_offsets_;
    std::size_t i_ = 0;
    std::optional<Error> error_;
    std::vector<DuplicateKey> duplicates_;
};

}  // namespace

const Value* Value::find(std::string_view k) const {
    if (kind != Kind::object) return nullptr;
    for (std::size_t i = 0; i < size(); ++i) {
        if (key(i).text == k) return &member(i);
    }
    return nullptr;
}

Result<Document> parse(std::string_view text) { return Parser(text).run(); }

Result<Document> parse(std::string_view text, const Stream& stream) { return Parser(text, &stream).run(); }

Result<Value> parse_at(std::string_view text, std::size_t offset) { return Parser(text).run_at(offset); }

std::size_t Locator::offset_of(std::string_view pointer) {
    // The deepest value on the way to `pointer`: a message may name a member that is absent (a
    // missing version), and then points at its object.
    std::string prefix(pointer);
    for (;;) {
        if (const Value* v = find(prefix)) return v->offset;
        const std::size_t slash = prefix.rfind('/');
        if (slash == std::string::npos) return doc_.root.offset;
        prefix.resize(slash);
    }
}

const Value* Locator::find(std::string_view pointer) {
    const std::string head = "/" + pointer_token(streamed_member_) + "/";
    if (pointer.substr(0, head.size()) != head) return resolve(doc_.root, pointer);
    const std::string_view rest = pointer.substr(head.size());
    const std::string_view index_text = rest.substr(0, rest.find('/'));
    std::size_t index = 0;
    for (const char c : index_text) {
        if (!is_digit(c)) return nullptr;
        index = index * 10 + static_cast<std::size_t>(c - '0');
        if (index >= doc_.streamed_offsets.size()) return nullptr;
    }
    if (index_text.empty()) return nullptr;
    if (index != cached_index_) {
        auto element = parse_at(text_, doc_.streamed_offsets[index]);
        if (!element) return nullptr;
        cached_ = std::move(element.value());
        cached_index_ = index;
    }
    return resolve(cached_, rest.substr(index_text.size()));
}

std::string_view describe(Kind kind) {
    switch (kind) {
        case Kind::null: return "null";
        case Kind::boolean: return "a boolean";
        case Kind::number: return "a number";
        case Kind::string: return "a string";
        case Kind::array: return "an array";
        case Kind::object: return "an object";
    }
    return "a value";
}

std::string pointer_token(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string Path::str() const {
    if (parent == nullptr) return {};
    std::string out = parent->str();
    out += '/';
    out += is_index ? std::to_string(index) : pointer_token(key);
    return out;
}

const Value* resolve(const Value& root, std::string_view pointer) {
    const Value* v = &root;
    while (!pointer.empty()) {
        if (pointer.front() != '/') return nullptr;
        pointer.remove_prefix(1);
        const std::size_t end = std::min(pointer.find('/'), pointer.size());
        std::string token;
        for (std::size_t i = 0; i < end; ++i) {
            if (pointer[i] == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
                token += pointer[i + 1] == '0' ? '~' : '/';
                ++i;
            } else {
                token += pointer[i];
            }
        }
        pointer.remove_prefix(end);
        if (v->kind == Kind::object) {
            v = v->find(token);
        } else if (v->kind == Kind::array) {
            if (token.empty() || token.size() > 9 ||
                !std::all_of(token.begin(), token.end(), is_digit)) {
                return nullptr;
            }
            const std::size_t index = std::stoul(token);
            if (index >= v->children.size()) return nullptr;
            v = &v->children[index];
        } else {
            return nullptr;
        }
        if (v == nullptr) return nullptr;
    }
    return v;
}

namespace {
constexpr std::size_t kBlock = 4096;
bool starts_char(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }
}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % kBlock == 0) block_chars_.push_back(chars);
        if (text[i] == '\n') line_starts_.push_back(i + 1);
        if (starts_char(text[i])) ++chars;
    }
    if (text.size() % kBlock == 0) block_chars_.push_back(chars);  // so that offset text.size() has a block
}

std::size_t LineIndex::chars_before(std::size_t offset) const {
    const std::size_t block = offset / kBlock;
    std::size_t chars = block_chars_[block];
    for (std::size_t i = block * kBlock; i < offset; ++i) chars += starts_char(text_[i]) ? 1 : 0;
    return chars;
}

std::pair<std::int64_t, std::int64_t> LineIndex::locate(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
    const std::size_t start = line_starts_[line - 1];
    const std::size_t column = chars_before(offset) - chars_before(start);
    return {static_cast<std::int64_t>(line), static_cast<std::int64_t>(column) + 1};
}

namespace {

template <class Out>
void quote(Out& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const auto put = [&](std::string_view piece) { out.insert(out.end(), piece.begin(), piece.end()); };
    out.push_back('"');
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t run = i;
        while (i < s.size()) {
            const auto b = static_cast<unsigned char>(s[i]);
            if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
            ++i;
        }
        put(s.substr(run, i - run));
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8::sequence_length(s, i);
            if (n == 0) {
                put("\xEF\xBF\xBD");
                ++i;
            } else {
                put(s.substr(i, n));
                i += n;
            }
            continue;
        }
        switch (c) {
            case '"': put("\\\""); break;
            case '\\': put("\\\\"); break;
            case '\b': put("\\b"); break;
            case '\f': put("\\f"); break;
            case '\n': put("\\n"); break;
            case '\r': put("\\r"); break;
            case '\t': put("\\t"); break;
            default: {
                const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                put(std::string_view(escape, sizeof escape));
            }
        }
        ++i;
    }
    out.push_back('"');
}

}  // namespace

void append_quoted(std::string& out, std::string_view s) { quote(out, s); }

void Writer::newline() {
    static const std::string breaks = "\n" + std::string(2 * max_depth, ' ');
    const std::size_t width = 1 + 2 * has_items_.size();
    if (width <= breaks.size()) {
        put(std::string_view(breaks.data(), width));
    } else {
        put('\n');
        out_.insert(out_.end(), 2 * has_items_.size(), ' ');
    }
}

void Writer::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_items_.empty()) return;
    if (has_items_.back()) put(',');
    newline();
    has_items_.back() = true;
}

void Writer::open_container(char bracket) {
    before_value();
    put(bracket);
    has_items_.push_back(false);
}

// An empty container stays on its line: "{}", "[]".
void Writer::close_container(char bracket) {
    const bool had = has_items_.back();
    has_items_.pop_back();
    if (had) newline();
    put(bracket);
}

void Writer::begin_object() { open_container('{'); }
void Writer::end_object() { close_container('}'); }
void Writer::begin_array() { open_container('['); }
void Writer::end_array() { close_container(']'); }

void Writer::key(std::string_view k) {
    if (has_items_.back()) put(',');
    newline();
    has_items_.back() = true;
    quote(out_, k);
    put(": ");
    after_key_ = true;
}

void Writer::string(std::string_view s) {
    before_value();
    quote(out_, s);
}

void Writer::number(std::int64_t n) {
    before_value();
    put(std::to_string(n));
}

void Writer::raw_number(std::string_view lexeme) {
    before_value();
    put(lexeme);
}

void Writer::boolean(bool b) {
    before_value();
    put(b ? "true" : "false");
}

void Writer::null() {
    before_value();
    put("null");
}

void Writer::canonical(std::string_view json) {
    before_value();
    std::size_t start = 0;
    for (std::size_t nl = json.find('\n'); nl != std::string_view::npos; nl = json.find('\n', start)) {
        put(json.substr(start, nl - start));
        newline();
        start = nl + 1;
    }
    put(json.substr(start));
}

void Writer::value(const Value& v) {
    switch (v.kind) {
        case Kind::null: null(); break;
        case Kind::boolean: boolean(v.boolean); break;
        case Kind::number: raw_number(v.text); break;
        case Kind::string: string(v.text); break;
        case Kind::array:
            begin_array();
            for (const Value& item : v.children) value(item);
            end_array();
            break;
        case Kind::object:
            begin_object();
            for (std::size_t i = 0; i < v.size(); ++i) {
                key(v.key(i).text);
                value(v.member(i));
            }
            end_object();
            break;
    }
}

std::string to_canonical(const Value& v) {
    Writer w;
    w.value(v);
    return w.take();
}

}  // namespace relplan::json
