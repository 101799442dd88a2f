#include "file_io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace relplan::native {

namespace {
std::string errno_text(const std::string& what, const std::string& path) {
    return what + " " + path + ": " + std::strerror(errno);
}
}  // namespace

Result<std::string> read_file(const std::string& path, std::uint64_t max_bytes) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return make_error(errno_text("cannot open", path));
    std::string data;
    char buf[1 << 16];
    for (;;) {
        std::size_t n = std::fread(buf, 1, sizeof buf, f);
        if (n == 0) break;
        if (data.size() + n > max_bytes) {
            std::fclose(f);
            return make_error(path + ": file is larger than " + std::to_string(max_bytes >> 20) +
                              " MiB; refusing to load it");
        }
        data.append(buf, n);
    }
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return make_error(errno_text("cannot read", path));
    return data;
}

Result<std::monostate> write_file_atomic(const std::string& path, std::string_view bytes,
                                         bool keep_backup) {
    std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return make_error(errno_text("cannot create", tmp));
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            auto err = make_error(errno_text("cannot write", tmp));
            ::close(fd);
            ::unlink(tmp.c_str());
            return err;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        auto err = make_error(errno_text("cannot flush", tmp));
        ::unlink(tmp.c_str());
        return err;
    }
    if (keep_backup && ::access(path.c_str(), F_OK) == 0) {
        // A hard link keeps the old bytes reachable as .bak without a window where PATH is missing.
        std::string bak = path + ".bak";
        ::unlink(bak.c_str());
        if (::link(path.c_str(), bak.c_str()) != 0) {
            auto err = make_error(errno_text("cannot keep backup", bak));
            ::unlink(tmp.c_str());
            return err;
        }
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        auto err = make_error(errno_text("cannot replace", path));
        ::unlink(tmp.c_str());
        return err;
    }
    return std::monostate{};
}

}  // namespace relplan::native
