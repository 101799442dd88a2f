#include "team/identity.hpp"

#include <unordered_map>

namespace relplan {

std::string element_key(std::string_view list, const nlohmann::ordered_json& e) {
    auto member = [&](const char* name) -> std::string {
        auto it = e.find(name);
        return it == e.end() ? std::string() : it->dump();
    };
    if (e.is_object()) {
        if (e.contains("id")) return "id:" + member("id");
        if (list == "milestone_offsets") return "k:" + member("type");
        if (list == "notes_sections") return "k:" + member("section");
        if (list == "support_lines") return "k:" + member("line");
        if (list == "dependencies") return "k:" + member("product") + member("cycle");
        if (list == "consumers" || list == "metrics") return "k:" + member("name");
        if (list == "blackouts" || list == "holidays") return "k:" + member("name") + member("start");
    }
    return "v:" + e.dump();
}

std::vector<std::string> element_keys(std::string_view list, const nlohmann::ordered_json& a) {
    std::vector<std::string> keys;
    std::unordered_map<std::string, int> seen;
    keys.reserve(a.size());
    for (const auto& e : a) {
        std::string k = element_key(list, e);
        const int n = seen[k]++;
        if (n > 0) k += "#" + std::to_string(n);
        keys.push_back(std::move(k));
    }
    return keys;
}

}  // namespace relplan
