// The option parser and helpers every subcommand shares (cli_options.hpp).
#include "cli_options.hpp"

#include "common/file_io.hpp"

#include "base/text.hpp"
#include "plan/plan_lint.hpp"
#include "plan/plan_validate.hpp"

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

std::optional<int> help_or_usage_error(const Options& o, Io io, std::string_view usage, int help_code) {
    if (o.help()) {
        io.out << usage;
        return help_code;
    }
    if (!o.problem().empty()) return usage_error(io, usage, o.problem());
    return std::nullopt;
}

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

void print_diagnostic(std::ostream& os, const Diagnostic& d, std::string_view file, std::string_view kind) {
    Diagnostic shown = d;
    if (!kind.empty()) {
        shown.pointer.clear();
        shown.message = std::string(kind) + ": " + (d.pointer.empty() ? "" : d.pointer + ": ") + d.message;
    }
    os << clean_text(format_diagnostic(shown, file)) << "\n";
}

void print_plan_errors(std::ostream& os, const std::vector<Diagnostic>& errors, std::string_view name) {
    constexpr std::size_t shown = 100;
    for (std::size_t i = 0; i < errors.size() && i < shown; ++i) print_diagnostic(os, errors[i], name);
    if (errors.size() > shown) {
        os << clean_text(name) << ": ... and " << errors.size() - shown
           << " more errors (relplan plan validate --json lists every one)\n";
    }
}

std::optional<PlanFile> load_plan_file(const std::string& path, Io io, bool lint) {
    auto text = native::read_input(path, io.in, max_plan_bytes);
    if (!text) {
        fail(io, text.error().message);
        return std::nullopt;
    }
    PlanFile file{display_name(path), std::move(*text), {}};
    file.loaded = load_plan(file.text);
    if (lint && file.loaded.plan)
        for (Diagnostic& d : lint_plan(*file.loaded.plan, file.text)) file.loaded.errors.push_back(std::move(d));
    for (const Diagnostic& n : file.loaded.notes) print_diagnostic(io.err, n, file.name, "note");
    print_plan_errors(io.err, file.loaded.errors, file.name);
    return file;
}

}  // namespace relplan::cli
