// The option parser and helpers every subcommand shares (cli_options.hpp).
#include "cli_options.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <ostream>

namespace relplan::cli {

Options::Options(const Args& args, std::initializer_list<std::string_view> with_value,
                 std::initializer_list<std::string_view> flags) {
    const auto known = [](std::initializer_list<std::string_view> list, std::string_view name) {
        return std::find(list.begin(), list.end(), name) != list.end();
    };
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (options_done || a.size() < 2 || a[0] != '-') {
            positional_.push_back(a);
            continue;
        }
        if (a == "--") {
            options_done = true;
            continue;
        }
        if (a == "--help" || a == "-h") {
            help_ = true;
            continue;
        }
        if (!problem_.empty()) continue;  // the first problem is the one reported; --help still counts
        const std::size_t eq = a.rfind("--", 0) == 0 ? a.find('=') : std::string::npos;
        const std::string name = a.substr(0, eq);
        if (known(with_value, name)) {
            if (eq != std::string::npos) {
                values_.emplace_back(name, a.substr(eq + 1));
            } else if (i + 1 < args.size()) {
                values_.emplace_back(name, args[++i]);
            } else {
                problem_ = name + " needs a value";
            }
        } else if (eq == std::string::npos && known(flags, name)) {
            values_.emplace_back(name, "");
        } else if (eq != std::string::npos && known(flags, name)) {
            problem_ = name + " takes no value";
        } else {
            problem_ = "unknown option " + a;
        }
    }
}

bool Options::has(std::string_view name) const {
    return std::any_of(values_.begin(), values_.end(), [&](const auto& v) { return v.first == name; });
}

std::optional<std::string> Options::value(std::string_view name) const {
    std::optional<std::string> out;
    for (const auto& [k, v] : values_)
        if (k == name) out = v;
    return out;
}

std::vector<std::string> Options::all(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : values_)
        if (k == name) out.push_back(v);
    return out;
}

bool take_flag(Args& args, std::string_view flag) {
    bool found = false;
    for (std::size_t i = 0; i < args.size() && args[i] != "--";) {
        if (args[i] == flag) {
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
            found = true;
        } else {
            ++i;
        }
    }
    return found;
}

int usage_error(Io io, std::string_view usage, std::string_view problem) {
    io.err << "relplan: " << clean_text(problem) << "\n" << usage;
    return exit_usage;
}

int fail(Io io, std::string_view message) {
    io.err << "relplan: " << clean_text(message) << "\n";
    return exit_failed;
}

std::string version_argument(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::string(text);
    const std::size_t last = text.find_last_not_of(" \t\r\n");
    std::string_view v = text.substr(first, last - first + 1);
    const std::size_t digits = v.find_first_not_of("=v");
    if (digits == std::string_view::npos || v[digits] < '0' || v[digits] > '9') return std::string(text);
    return std::string(v.substr(digits));
}

const Release* find_release_argument(const Plan& plan, std::string_view wanted) {
    if (const Release* r = find_release_by_version(plan, wanted)) return r;
    if (const Release* r = find_release(plan, wanted)) return r;
    const std::string cleaned = version_argument(wanted);
    return cleaned == wanted ? nullptr : find_release_by_version(plan, cleaned);
}

}  // namespace relplan::cli
