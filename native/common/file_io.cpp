#include "file_io.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <istream>
#include <memory>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace relplan::native {

namespace {
std::string errno_text(const std::string& what, const std::string& path) {
    return what + " " + path + ": " + std::strerror(errno);
}

// Closes a descriptor on every return path.
struct Fd {
    int fd = -1;
    Fd() = default;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// True for names write_file_atomic gives its temporary files: BASE.tmp-PID-N and BASE.tmp-PID-N.bak.
// The pattern is strict so a user's own "plan.json.tmp-notes" is never touched.
bool is_temporary_of(std::string_view name, std::string_view base) {
    const std::string_view marker = ".tmp-";
    if (name.size() <= base.size() + marker.size() || name.substr(0, base.size()) != base ||
        name.substr(base.size(), marker.size()) != marker) {
        return false;
    }
    std::string_view rest = name.substr(base.size() + marker.size());
    if (rest.size() > 4 && rest.substr(rest.size() - 4) == ".bak") rest.remove_suffix(4);
    const std::size_t dash = rest.find('-');
    return dash != std::string_view::npos && all_digits(rest.substr(0, dash)) && all_digits(rest.substr(dash + 1));
}

// Temporary files left by a saver that was killed. Only called while holding the directory's
// exclusive lock: every live saver holds it shared, so whatever matches the pattern is orphaned.
void remove_orphans(const std::string& dir, const std::string& base) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return;
    while (const dirent* entry = ::readdir(d)) {
        if (is_temporary_of(entry->d_name, base)) ::unlink((dir + "/" + entry->d_name).c_str());
    }
    ::closedir(d);
}

// Takes the directory lock that lets savers of one directory run side by side (shared) while making
// the orphan sweep safe (exclusive). The lock is advisory and best effort: where the file system
// cannot lock, or another saver is stuck holding the exclusive lock, the save goes ahead unlocked
// and without sweeping, still atomic thanks to its unique temporary name.
void lock_and_sweep(int dir_fd, const std::string& dir, const std::string& base) {
    if (::flock(dir_fd, LOCK_EX | LOCK_NB) == 0) {
        remove_orphans(dir, base);
        // Not atomic (the lock is dropped, then retaken shared); harmless because this saver has no
        // temporary file yet.
        ::flock(dir_fd, LOCK_SH);
        return;
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (::flock(dir_fd, LOCK_SH | LOCK_NB) == 0 || (errno != EWOULDBLOCK && errno != EINTR)) return;
        ::usleep(10'000);
    }
}

std::atomic<std::uint64_t> max_input_override{0};

std::string too_large(const std::string& what, std::uint64_t max_bytes) {
    return what + " is larger than the " + std::to_string(max_bytes >> 20) +
           " MiB input limit; refusing to load it (raise the limit with --max-input=SIZE, e.g. --max-input=" +
           std::to_string((max_bytes >> 20) * 2) + "M)";
}

std::atomic<std::uint64_t> temporary_counter{0};

std::string temporary_name(const std::string& path) {
    return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(temporary_counter.fetch_add(1));
}
}  // namespace

Result<std::string> read_file(const std::string& path, std::uint64_t max_bytes, bool regular_only) {
    // O_NONBLOCK so that opening a FIFO without a writer cannot hang the caller (a dropped pipe
    // would freeze the desktop app); blocking reads are restored once the file type is known.
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.fd < 0) return make_error(errno_text("cannot open", path));
    struct stat st {};
    if (::fstat(fd.fd, &st) != 0) return make_error(errno_text("cannot open", path));
    if (S_ISDIR(st.st_mode)) return make_error(path + " is a folder, not a file");
    if (regular_only && !S_ISREG(st.st_mode))
        return make_error(path + " is not a regular file (a pipe, socket or device); refusing to read it");
    int flags = ::fcntl(fd.fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd.fd, F_SETFL, flags & ~O_NONBLOCK);
    std::string data;
    // One allocation of the file's size: a string grown by doubling would briefly hold up to three
    // times a large plan.
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        data.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(st.st_size), max_bytes)));
    }
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd.fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return make_error(errno_text("cannot read", path));
        }
        if (n == 0) break;
        if (data.size() + static_cast<std::size_t>(n) > max_bytes)
            return make_error(too_large(path, max_bytes));
        data.append(buf, static_cast<std::size_t>(n));
    }
    return data;
}

void set_max_input(std::uint64_t bytes) { max_input_override = bytes; }

std::optional<std::uint64_t> parse_size(std::string_view text) {
    std::uint64_t unit = 1;
    if (!text.empty()) {
        const char last = text.back();
        if (last == 'k' || last == 'K') unit = 1ull << 10;
        if (last == 'm' || last == 'M') unit = 1ull << 20;
        if (last == 'g' || last == 'G') unit = 1ull << 30;
        if (unit != 1) text.remove_suffix(1);
    }
    if (!all_digits(text) || text.size() > 12) return std::nullopt;
    const std::uint64_t n = std::stoull(std::string(text)) * unit;
    if (n == 0) return std::nullopt;
    return n;
}

Result<std::string> read_input(const std::string& path, std::istream& in, std::uint64_t max_bytes) {
    max_bytes = std::max<std::uint64_t>(max_bytes, max_input_override);
    if (path != "-") return read_file(path, max_bytes);
    // Read in blocks, then joined in one allocation of the exact size: a string grown as it reads
    // would hold up to twice the input and need three times it while copying.
    constexpr std::size_t block = std::size_t{1} << 20;
    std::vector<std::unique_ptr<char[]>> blocks;
    std::uint64_t total = 0;
    std::size_t last = 0;  // bytes in the last block
    std::streambuf* sb = in.rdbuf();
    for (bool more = sb != nullptr; more;) {
        blocks.emplace_back(new char[block]);
        last = 0;
        while (last < block) {
            const std::streamsize n = sb->sgetn(blocks.back().get() + last, static_cast<std::streamsize>(block - last));
            if (n <= 0) break;
            last += static_cast<std::size_t>(n);
        }
        more = last == block;
        total += last;
        if (total > max_bytes) return make_error(too_large("standard input", max_bytes));
    }
    std::string data;
    data.reserve(static_cast<std::size_t>(total));
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        data.append(blocks[i].get(), i + 1 == blocks.size() ? last : block);
        blocks[i].reset();
    }
    return data;
}

Result<std::monostate> write_file_atomic(const std::string& path, std::string_view bytes,
                                         bool keep_backup) {
    return write_file_atomic(path, [&](const Sink& write) { write(bytes); }, keep_backup);
}

Result<std::monostate> write_file_atomic(const std::string& path, const Producer& produce, bool keep_backup) {
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir_fd.fd < 0) return make_error(errno_text("cannot save", path));
    // Held (shared) until the new file is in place; closing dir_fd releases it, as does a kill.
    lock_and_sweep(dir_fd.fd, dir, base);

    std::string tmp;
    Fd fd;
    for (int attempt = 0; attempt < 100 && fd.fd < 0; ++attempt) {
        tmp = temporary_name(path);
        fd.fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd.fd < 0 && errno != EEXIST) return make_error(errno_text("cannot create", tmp));
    }
    if (fd.fd < 0) return make_error(errno_text("cannot create", tmp));
    auto fail = [&](const std::string& what, const std::string& name) {
        auto err = make_error(errno_text(what, name));
        ::unlink(tmp.c_str());
        return err;
    };
    // A plan saved as private stays private, and keeps its owner: a file that cannot keep its
    // owner is not replaced by one owned by someone else.
    struct stat old {};
    if (::stat(path.c_str(), &old) == 0) {
        if (::fchmod(fd.fd, old.st_mode & 07777) != 0) return fail("cannot set the permissions of", tmp);
        struct stat made {};
        if (::fstat(fd.fd, &made) == 0 && (made.st_uid != old.st_uid || made.st_gid != old.st_gid) &&
            ::fchown(fd.fd, old.st_uid, old.st_gid) != 0) {
            return fail("cannot keep the owner of", path);
        }
    }
    int write_errno = 0;  // the first failed write; later pieces are dropped
    produce([&](std::string_view bytes) {
        std::size_t done = 0;
        while (write_errno == 0 && done < bytes.size()) {
            const ssize_t n = ::write(fd.fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno != EINTR) write_errno = errno;
            if (n == 0) write_errno = EIO;  // no progress on a regular file: give up rather than spin
            if (n > 0) done += static_cast<std::size_t>(n);
        }
    });
    if (write_errno != 0) {
        errno = write_errno;
        return fail("cannot write", tmp);
    }
    if (::fsync(fd.fd) != 0) return fail("cannot flush", tmp);
    if (keep_backup) {
        // The old file gets a second name first and that name is renamed over PATH.bak, so PATH.bak
        // is always a whole earlier version, never missing, and PATH itself is never missing.
        const std::string bak = path + ".bak";
        const std::string staged = tmp + ".bak";
        bool linked = false, first_save = false;
        // Linux fails link() with ENOENT while a concurrent save renames its file over PATH; PATH
        // exists all the same, so that is retried.
        for (int attempt = 0; attempt < 100 && !linked && !first_save; ++attempt) {
            linked = ::link(path.c_str(), staged.c_str()) == 0;
            if (!linked && errno != ENOENT) return fail("cannot keep backup", bak);
            first_save = !linked && ::access(path.c_str(), F_OK) != 0;
        }
        if (!linked && !first_save) return fail("cannot keep backup", bak);
        if (linked && ::rename(staged.c_str(), bak.c_str()) != 0) {
            auto err = fail("cannot keep backup", bak);
            ::unlink(staged.c_str());
            return err;
        }
        // rename() does nothing when both names already are the same file (a concurrent or killed
        // save linked PATH.bak to this very PATH); the staged name must go all the same.
        if (linked) ::unlink(staged.c_str());
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) return fail("cannot replace", path);
    // The renames live in the directory; without this a power loss could bring back the old file.
    // File systems that cannot sync a directory say EINVAL; there is nothing more to do there.
    if (::fsync(dir_fd.fd) != 0 && errno != EINVAL) return make_error(errno_text("cannot flush the directory of", path));
    return std::monostate{};
}

Result<std::monostate> rewrite_file_in_place(const std::string& path, std::string_view bytes) {
    return rewrite_file_in_place(path, [&](const Sink& write) { write(bytes); });
}

Result<std::monostate> rewrite_file_in_place(const std::string& path, const Producer& produce) {
    char* resolved = ::realpath(path.c_str(), nullptr);
    if (!resolved) return make_error(errno_text("cannot resolve", path));
    const std::string target = resolved;
    std::free(resolved);
    const std::string shown = target == path ? path : path + " (a link to " + target + ")";
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) return make_error(errno_text("cannot open", target));
    if (!S_ISREG(st.st_mode))
        return make_error(shown + " is not a regular file; --in-place rewrites regular files only");
    if ((st.st_mode & 0222) == 0 || ::access(target.c_str(), W_OK) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        return make_error(shown + " is read-only (mode " + mode +
                          "); make it writable (chmod u+w) to rewrite it, or print to standard output instead");
    }
    if (st.st_nlink > 1)
        return make_error(shown + " has " + std::to_string(st.st_nlink) +
                          " hard links; rewriting it would split them, so it is left alone (print to "
                          "standard output instead)");
    return write_file_atomic(target, produce);
}

}  // namespace relplan::native
