// Native file access shared by the CLI and the desktop app.
//
// read_file caps what it reads (default 256 MiB) and says so instead of truncating. write_file_atomic
// writes a uniquely named temporary file beside the target (PATH.tmp-PID-N, with the target's
// permissions), flushes it to disk, optionally keeps the previous file as PATH.bak (replaced
// atomically too), renames over the target and flushes the directory: a crash or kill -9 at any point
// leaves the old or the new file whole, and PATH.bak, once it exists, whole. Temporary files of a
// killed save are removed by the next save into the same directory. Concurrent savers do not
// collide; the last rename wins.
#pragma once

#include "base/result.hpp"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace relplan::native {

// `regular_only` refuses pipes, sockets and devices (the desktop app: a dropped FIFO must not hang
// it); the CLI allows them so process substitution works. Folders are always refused.
Result<std::string> read_file(const std::string& path, std::uint64_t max_bytes = 256ull << 20,
                              bool regular_only = false);
// What the CLI reads: a file, or standard input for "-". At most `max_bytes`, or the size set with
// set_max_input (the global --max-input option) when that is larger; the cap is checked as each block
// arrives, so an oversized input is refused before it is held in memory. The error names the limit
// and --max-input.
Result<std::string> read_input(const std::string& path, std::istream& in, std::uint64_t max_bytes);
void set_max_input(std::uint64_t bytes);
// "64M", "1G", "500k" or bytes; nullopt when malformed or zero.
std::optional<std::uint64_t> parse_size(std::string_view text);

Result<std::monostate> write_file_atomic(const std::string& path, std::string_view bytes,
                                         bool keep_backup = false);
// The same, for output made in pieces (a large plan is written as it is serialised, never held
// whole): `produce` calls its argument with each piece in order.
using Sink = std::function<void(std::string_view)>;
using Producer = std::function<void(const Sink&)>;
Result<std::monostate> write_file_atomic(const std::string& path, const Producer& produce, bool keep_backup = false);
// Rewrites an existing file the way `sed -i --follow-symlinks` does: a symlink is followed and its
// target replaced (the link stays a link), mode and owner are kept, and the write is atomic as in
// write_file_atomic. Refused with a message saying why: anything but a regular file, a read-only
// file (no write bit, or not writable by this user), and a file with several hard links (an atomic
// rename would silently split them).
Result<std::monostate> rewrite_file_in_place(const std::string& path, std::string_view bytes);
Result<std::monostate> rewrite_file_in_place(const std::string& path, const Producer& produce);

}  // namespace relplan::native
