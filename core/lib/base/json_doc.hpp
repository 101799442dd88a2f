// Internal JSON document for plan files: a strict RFC 8259 parser that keeps byte offsets, and the
// canonical writer.
//
// Why not nlohmann: plan files need positions for every value (FILE:LINE:COLUMN for semantic errors),
// duplicate keys reported as errors rather than silently merged, numbers kept exactly as written (an
// unknown member holding 12345678901234567890 or 1.50 must survive re-save), and a hard depth cap.
//
// The parser never recurses deeper than max_depth, validates UTF-8 everywhere and stops at the first
// syntax error. Duplicate keys do not stop it; they are returned alongside the document.
#pragma once

#include "base/result.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace relplan::json {

enum class Kind : std::uint8_t { null, boolean, number, string, array, object };

// Objects store their members as alternating key/value children (keys are string Values), which keeps
// a node small: that matters for 10 MB plans in a 32-bit WASM heap.
struct Value {
    Kind kind = Kind::null;
    bool boolean = false;
    std::size_t offset = 0;  // byte offset of the value's first character in the parsed text
    std::string text;        // decoded string, or a number exactly as written
    std::vector<Value> children;

    std::size_t size() const { return kind == Kind::object ? children.size() / 2 : children.size(); }
    const Value& key(std::size_t i) const { return children[2 * i]; }
    const Value& member(std::size_t i) const { return children[2 * i + 1]; }
    Value& key(std::size_t i) { return children[2 * i]; }
    Value& member(std::size_t i) { return children[2 * i + 1]; }
    const Value* find(std::string_view key) const;  // first member named `key`
    Value* find(std::string_view key) { return const_cast<Value*>(std::as_const(*this).find(key)); }
};

inline constexpr int max_depth = 256;

struct DuplicateKey {
    std::string key;
    std::size_t offset = 0;        // the repeated name
    std::size_t first_offset = 0;  // where it was first defined
};

struct Document {
    Value root;
    std::vector<DuplicateKey> duplicate_keys;  // in text order
    std::vector<std::size_t> streamed_offsets;  // where each streamed element starts (see Stream)
};

// `text` must not start with a BOM (callers decide what a BOM means).
Result<Document> parse(std::string_view text);

// Reading a large document one element at a time: the elements of the array that the root object's
// member `member` holds are handed to `each` as soon as each is parsed (with the root as parsed so
// far) and are not kept; that array stays empty in the document and Document::streamed_offsets says
// where each element starts. Memory holds the rest of the document and one element.
struct Stream {
    std::string_view member;
    std::function<void(Value& element, const Value& root)> each;
};
Result<Document> parse(std::string_view text, const Stream& stream);

// One value parsed on its own from `offset` in `text` (offsets stay those of `text`).
Result<Value> parse_at(std::string_view text, std::size_t offset);

// "a number", "an object", ... for messages.
std::string_view describe(Kind kind);

// A JSON Pointer built up while walking a document, turned into text only when a message needs it
// (most values never do). Each step lives on the walker's stack and points at its parent.
struct Path {
    const Path* parent = nullptr;  // nullptr: the document root
    std::string_view key;          // member name, when !is_index
    std::size_t index = 0;
    bool is_index = false;

    Path member(std::string_view name) const { return Path{this, name, 0, false}; }
    Path element(std::size_t i) const { return Path{this, {}, i, true}; }
    std::string str() const;
};

// JSON Pointer (RFC 6901) helpers.
std::string pointer_token(std::string_view key);  // escapes '~' and '/'
const Value* resolve(const Value& root, std::string_view pointer);

// Byte offsets for JSON Pointers into a document parsed with a Stream on `member`: a pointer into a
// streamed element parses that element again from its offset (the last one is kept, as messages
// about one element come together). `text` and `doc` must outlive the Locator.
class Locator {
public:
    Locator(std::string_view text, const Document& doc, std::string_view member)
        : text_(text), doc_(doc), streamed_member_(member) {}
    // The offset of the deepest value on the way to `pointer`.
    std::size_t offset_of(std::string_view pointer);

private:
    const Value* find(std::string_view pointer);

    std::string_view text_;
    const Document& doc_;
    std::string_view streamed_member_;
    Value cached_;
    std::size_t cached_index_ = static_cast<std::size_t>(-1);
};

// 1-based line and column (column counts code points) of a byte offset; built once per text.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    std::pair<std::int64_t, std::int64_t> locate(std::size_t offset) const;

private:
    // Characters before `offset`, from a count kept per 4 KiB block: a column costs at most a block's
    // scan, not the whole line's (a minified plan is one line).
    std::size_t chars_before(std::size_t offset) const;

    std::string_view text_;
    std::vector<std::size_t> line_starts_;
    std::vector<std::size_t> block_chars_;  // characters before each 4 KiB block
};

// Canonical JSON: two-space indentation, "key": value, empty containers as {} and [], strings with
// only '"', '\\' and control characters escaped (invalid UTF-8 in a string becomes U+FFFD).
class Writer {
public:
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view k);
    void string(std::string_view s);
    void number(std::int64_t n);
    void raw_number(std::string_view lexeme);
    void boolean(bool b);
    void null();
    // One member of the object being written: key(k), then `v` as a boolean, a number or a string.
    template <class T>
    void member(std::string_view k, const T& v) {
        key(k);
        if constexpr (std::is_same_v<T, bool>) {
            boolean(v);
        } else if constexpr (std::is_integral_v<T>) {
            number(static_cast<std::int64_t>(v));
        } else {
            string(std::string_view(v));
        }
    }
    // A value already in canonical form at nesting level 0 (as stored in Extra).
    void canonical(std::string_view json);
    void value(const Value& v);

    std::string take() { return std::string(out_.begin(), out_.end()); }
    // Hands the text written so far to `sink` and forgets it; nesting and separators carry on, so a
    // long document goes out in pieces instead of being held whole.
    template <class Sink>
    void drain(Sink&& sink) {
        sink(std::string_view(out_.data(), out_.size()));
        out_.clear();
    }
    std::size_t pending() const { return out_.size(); }

private:
    void before_value();
    void newline();
    void open_container(char bracket);
    void close_container(char bracket);
    void put(char c) { out_.push_back(c); }
    void put(std::string_view s) { out_.insert(out_.end(), s.begin(), s.end()); }

    // A vector, not a string: libc++ instantiates std::string out of line, and in WASM the call per
    // append costs more than the append.
    std::vector<char> out_;
    std::vector<bool> has_items_;  // per open container
    bool after_key_ = false;
};

// `v` in canonical form at nesting level 0, without a trailing newline.
std::string to_canonical(const Value& v);

// Appends `s` as a JSON string literal (with quotes).
void append_quoted(std::string& out, std::string_view s);

}  // namespace relplan::json
