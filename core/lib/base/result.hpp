// Result<T>: a value or an Error, the core's only error channel.
//
// The core is built without relying on exceptions (emcc disables catching by default), so every
// fallible operation returns Result<T>. An Error carries a human-readable message, where the input is
// text the byte offset the problem was found at (npos when not positional), and a kind callers can
// act on without reading the message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace relplan {

enum class ErrorKind : std::uint8_t {
    invalid,       // the input is malformed: "2026-3-08", "^1.x.y"
    out_of_range,  // well formed but names nothing real or exceeds a range: "2026-02-30", hour 24
    not_found,     // refers to something absent: an unknown zone, release or file
    too_large,     // over a size or nesting limit
    unsupported,   // valid, but not handled by this build (a newer file format)
    io,            // the host could not read or write
};

struct Error {
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::string message;
    std::size_t offset = npos;
    ErrorKind kind = ErrorKind::invalid;
};

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design, like std::expected
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// The value of an operation that has nothing to return: Result<Done> is "done, or an Error".
struct Done {};

inline Error make_error(std::string message, std::size_t offset = Error::npos,
                        ErrorKind kind = ErrorKind::invalid) {
    return Error{std::move(message), offset, kind};
}

}  // namespace relplan
