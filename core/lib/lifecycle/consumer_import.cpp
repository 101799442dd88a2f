#include "lifecycle/consumer_import.hpp"

#include "base/json_doc.hpp"

#include <set>
#include <string>
#include <utility>

namespace relplan {

std::string_view to_string(ConsumerSource source) {
    switch (source) {
        case ConsumerSource::package_json: return "package.json";
        case ConsumerSource::package_lock: return "package-lock.json";
        case ConsumerSource::npm_ls: return "npm ls --json";
        case ConsumerSource::consumers_list: return "consumers list";
    }
    return "consumers list";
}

namespace {

constexpr std::string_view dependency_sections[] = {"dependencies", "devDependencies", "peerDependencies",
                                                    "optionalDependencies"};

struct Collector {
    std::vector<Consumer>& out;
    std::set<std::pair<std::string, std::string>> seen;

    void add(Consumer c) {
        if (c.name.empty() || c.range.empty()) return;
        if (seen.emplace(c.name, c.range).second) out.push_back(std::move(c));
    }
};

std::string string_member(const json::Value& object, std::string_view key) {
    const json::Value* v = object.find(key);
    return v && v->kind == json::Kind::string ? v->text : std::string();
}

// The ranges a manifest-like object (package.json, a lockfile v2 entry) declares for `package`.
void collect_manifest(const json::Value& manifest, const std::string& name, std::string_view package,
                      Collector& sink) {
    for (std::string_view section : dependency_sections) {
        const json::Value* deps = manifest.find(section);
        if (!deps || deps->kind != json::Kind::object) continue;
        const json::Value* range = deps->find(package);
        if (range && range->kind == json::Kind::string) sink.add(Consumer{name, range->text, {}, {}, {}});
    }
}

// "node_modules/@scope/a/node_modules/b" -> "b"; "" (the root) -> the lockfile's own name.
std::string name_from_lock_path(std::string_view path, std::string_view root_name) {
    constexpr std::string_view marker = "node_modules/";
    auto at = path.rfind(marker);
    if (at == std::string_view::npos) return std::string(root_name);
    return std::string(path.substr(at + marker.size()));
}

Result<ConsumerImport> from_lockfile(const json::Value& root, std::string_view package) {
    ConsumerImport result{ConsumerSource::package_lock, {}};
    Collector sink{result.consumers, {}};
    std::string root_name = string_member(root, "name");
    if (const json::Value* packages = root.find("packages"); packages && packages->kind == json::Kind::object) {
        for (std::size_t i = 0; i < packages->size(); ++i) {
            const json::Value& entry = packages->member(i);
            if (entry.kind != json::Kind::object) continue;
            std::string name = string_member(entry, "name");
            if (name.empty()) name = name_from_lock_path(packages->key(i).text, root_name);
            collect_manifest(entry, name, package, sink);
        }
        return result;
    }
    // lockfileVersion 1: nested "dependencies" whose entries list what they need in "requires".
    std::vector<const json::Value*> stack{&root};
    while (!stack.empty()) {
        const json::Value* node = stack.back();
        stack.pop_back();
        const json::Value* deps = node->find("dependencies");
        if (!deps || deps->kind != json::Kind::object) continue;
        for (std::size_t i = 0; i < deps->size(); ++i) {
            const json::Value& entry = deps->member(i);
            if (entry.kind != json::Kind::object) continue;
            if (const json::Value* requires_ = entry.find("requires"); requires_ && requires_->kind == json::Kind::object)
                if (const json::Value* range = requires_->find(package); range && range->kind == json::Kind::string)
                    sink.add(Consumer{deps->key(i).text, range->text, {}, {}, {}});
            stack.push_back(&entry);
        }
    }
    return result;
}

ConsumerImport from_npm_ls(const json::Value& root, std::string_view package) {
    ConsumerImport result{ConsumerSource::npm_ls, {}};
    Collector sink{result.consumers, {}};
    struct Item {
        const json::Value* node;
        std::string name;
    };
    std::vector<Item> stack{{&root, string_member(root, "name")}};
    while (!stack.empty()) {
        Item item = std::move(stack.back());
        stack.pop_back();
        const json::Value* deps = item.node->find("dependencies");
        if (!deps || deps->kind != json::Kind::object) continue;
        for (std::size_t i = 0; i < deps->size(); ++i) {
            const json::Value& child = deps->member(i);
            if (child.kind != json::Kind::object) continue;
            if (deps->key(i).text == package) {
                std::string installed = string_member(child, "version");
                if (!installed.empty()) sink.add(Consumer{item.name, installed, {}, {}, {}});
            }
            stack.push_back({&child, deps->key(i).text});
        }
    }
    return result;
}

Result<ConsumerImport> from_list(const json::Value& list) {
    ConsumerImport result{ConsumerSource::consumers_list, {}};
    Collector sink{result.consumers, {}};
    for (const json::Value& item : list.children) {
        if (item.kind != json::Kind::object)
            return make_error("a consumers list holds objects with \"name\" and \"range\"", item.offset);
        Consumer c{string_member(item, "name"), string_member(item, "range"), string_member(item, "owner"),
                   string_member(item, "contact"), {}};
        if (c.name.empty() || c.range.empty())
            return make_error("a consumer needs a non-empty \"name\" and \"range\"", item.offset);
        sink.add(std::move(c));
    }
    return result;
}

}  // namespace

Result<ConsumerImport> import_consumers(std::string_view json_text, std::string_view package) {
    auto doc = json::parse(json_text);
    if (!doc) return doc.error();
    const json::Value& root = doc->root;
    if (root.kind == json::Kind::array) return from_list(root);
    if (root.kind != json::Kind::object)
        return make_error("expected a package.json, package-lock.json, npm ls --json output or consumers list",
                          root.offset);
    if (const json::Value* list = root.find("consumers"); list && list->kind == json::Kind::array)
        return from_list(*list);
    if (package.empty()) return make_error("the package consumers depend on is not known (set the plan's package)");
    if (root.find("lockfileVersion")) return from_lockfile(root, package);
    bool has_sections = false;
    for (std::string_view section : dependency_sections) has_sections = has_sections || root.find(section);
    // npm ls prints the installed tree: dependency entries are objects with a "version".
    if (const json::Value* deps = root.find("dependencies"); deps && deps->kind == json::Kind::object &&
                                                               deps->size() > 0 &&
                                                               deps->member(0).kind == json::Kind::object)
        return from_npm_ls(root, package);
    if (!has_sections && !root.find("name"))
        return make_error("expected a package.json, package-lock.json, npm ls --json output or consumers list",
                          root.offset);
    ConsumerImport result{ConsumerSource::package_json, {}};
    Collector sink{result.consumers, {}};
    collect_manifest(root, string_member(root, "name"), package, sink);
    return result;
}

void merge_consumers(std::vector<Consumer>& consumers, const std::vector<Consumer>& incoming) {
    Collector sink{consumers, {}};
    for (const Consumer& c : consumers) sink.seen.emplace(c.name, c.range);
    for (const Consumer& c : incoming) sink.add(c);
}

}  // namespace relplan
