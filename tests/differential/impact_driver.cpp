// Answers consumer-impact questions for the differential test: one JSON object {"version": V,
// "ranges": [R...]} per input line, one line {"r": [{"receives": B, "kind": K, "suggested": S}...]}
// (or {"r": null} when V is not a version) per input line.
#include "lifecycle/impact.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

using nlohmann::json;

int main() {
    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
        json q = json::parse(line, nullptr, false);
        std::vector<relplan::Consumer> consumers;
        if (q.contains("ranges") && q["ranges"].is_array())
            for (const json& r : q["ranges"])
                consumers.push_back({"c", r.is_string() ? r.get<std::string>() : std::string(), "", "", {}});
        std::string version = q.contains("version") && q["version"].is_string() ? q["version"].get<std::string>() : "";
        auto impact = relplan::release_impact(consumers, version);
        json out;
        if (!impact.ok()) {
            out["r"] = nullptr;
        } else {
            out["r"] = json::array();
            for (const auto& row : *impact)
                out["r"].push_back({{"receives", row.receives},
                                    {"kind", std::string(relplan::to_string(row.kind))},
                                    {"suggested", row.suggested_range}});
        }
        std::cout << out.dump() << '\n';
    }
}
