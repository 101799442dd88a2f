#include "plan/plan_id.hpp"

#include <cstdio>

namespace relplan {

std::string new_plan_id(std::string_view project_name, std::uint64_t entropy) {
    std::string slug;
    for (char c : project_name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
        else if (alnum) slug += c;
        else if (!slug.empty() && slug.back() != '-') slug += '-';
        if (slug.size() >= 32) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    char hex[16];
    std::snprintf(hex, sizeof hex, "%012llx", static_cast<unsigned long long>(entropy & 0xFFFFFFFFFFFFull));
    return (slug.empty() ? std::string("plan") : slug) + "-" + hex;
}

}  // namespace relplan
