#include "plan/plan_json.hpp"
#include "plan/share_link.hpp"
#include "team/revision.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

using relplan::test::acme;

namespace {

Plan shared_plan() {
    Plan p = acme();
    p.project.id = "acme-cloud-3f9a1c0b7e2d";
    return p;
}

}  // namespace

TEST_CASE("revision: names are the start of the SHA-256 of the canonical JSON", "[team]") {
    CHECK(revision_of("") == "e3b0c44298fc1c14");
    CHECK(revision_of("abc") == "ba7816bf8f01cfea");
    // 56 and 64 bytes: the padding spills into a second block.
    CHECK(revision_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8");
    CHECK(revision_of(std::string(1000000, 'a')) == "cdc76e5c9914fb92");
    const Plan p = shared_plan();
    CHECK(plan_revision(p) == revision_of(to_json(p)));
    const PlanLoad again = load_plan(to_json(p));
    REQUIRE(again.plan);
    CHECK(plan_revision(*again.plan) == plan_revision(p));
    Plan edited = p;
    edited.releases[0].summary = "edited";
    CHECK(plan_revision(edited) != plan_revision(p));
}

TEST_CASE("revision: a link names its version and the last one exchanged, and old links still read", "[team]") {
    const Plan p = shared_plan();
    const std::string json = to_json(p);
    const ShareRevision first = share_revision(p, "");
    CHECK(first.revision == plan_revision(p));
    CHECK(first.base.empty());
    CHECK(share_revision(p, first.revision).base.empty());  // sharing the same version again
    const ShareRevision next = share_revision(p, "0123456789abcdef");
    CHECK(next.base == "0123456789abcdef");

    auto link = make_share_link(json, "https://example.org/relplan/", next);
    REQUIRE(link);
    CHECK(link->rfind("https://example.org/relplan/#pd1=", 0) == 0);
    CHECK(link->find("&r=" + next.revision + "&b=0123456789abcdef") == link->size() - 38);
    auto read = read_share_link(*link, 64u << 20);
    REQUIRE(read);
    CHECK(load_plan(read->json).plan == std::optional<Plan>(p));
    CHECK(read->names == next);
    auto plain = plan_json_from_link(*link, 64u << 20);
    REQUIRE(plain);
    CHECK(*plain == read->json);

    // A link made before revisions: no names.
    const std::string old_link = link->substr(0, link->find('&'));
    auto old = read_share_link(old_link, 64u << 20);
    REQUIRE(old);
    CHECK(old->names == ShareRevision{});
    // Members a reader does not know, and malformed names, are skipped.
    auto odd = read_share_link(old_link + "&v=2&r=NOT-A-NAME&b=" + next.base + "&x", 64u << 20);
    REQUIRE(odd);
    CHECK(odd->names.revision.empty());
    CHECK(odd->names.base == next.base);
    CHECK(share_link_params(ShareRevision{"ab", "c/d"}) == "&r=ab");
}

TEST_CASE("revision: the received version, then the version it was made from, are the base candidates", "[team]") {
    const Plan theirs = shared_plan();
    const std::string own = plan_revision(theirs);
    CHECK(merge_base_candidates(theirs, {}) == std::vector<std::string>{own});
    CHECK(merge_base_candidates(theirs, {own, "aaaa"}) == std::vector<std::string>{own, "aaaa"});
    // The sender wrote a different canonical form (another relplan version): its name is tried too.
    CHECK(merge_base_candidates(theirs, {"bbbb", "aaaa"}) == std::vector<std::string>{own, "bbbb", "aaaa"});
}

TEST_CASE("revision: with the common version kept, edits of different releases merge cleanly", "[team]") {
    const Plan base = shared_plan();
    const Plan ours = test::edited(base, {{0, &Release::summary, "ours"}});
    const Plan theirs = test::edited(base, {{1, &Release::summary, "theirs"}, {0, &Release::theme, "their theme"}});
    auto three = merge_shared(ours, theirs, to_json(base), plan_revision(base));
    REQUIRE(three);
    CHECK(three->three_way);
    CHECK(three->base_revision == plan_revision(base));
    CHECK(three->merge.clean());
    CHECK(three->merge.plan.releases[0].summary == "ours");
    CHECK(three->merge.plan.releases[0].theme == "their theme");
    CHECK(three->merge.plan.releases[1].summary == "theirs");

    // Without it, the values the two sides hold differently are conflicts.
    auto two = merge_shared(ours, theirs, std::nullopt, "");
    REQUIRE(two);
    CHECK_FALSE(two->three_way);
    CHECK(two->merge.new_conflicts >= 2);

    // A kept version of another project is no common base.
    Plan stranger = base;
    stranger.project.id = "other-000000000000";
    auto other = merge_shared(ours, theirs, to_json(stranger), plan_revision(stranger));
    REQUIRE(other);
    CHECK_FALSE(other->three_way);
    CHECK(other->merge.new_conflicts == two->merge.new_conflicts);

    // The same field edited on both sides is still a conflict in a three-way merge, with the base.
    auto same = merge_shared(test::edited(base, {{2, &Release::theme, "mine"}}),
                             test::edited(base, {{2, &Release::theme, "yours"}}), to_json(base), plan_revision(base));
    REQUIRE(same);
    CHECK(same->three_way);
    REQUIRE(same->merge.new_conflicts == 1);
    CHECK(same->merge.plan.conflicts[0].pointer == "/releases/2/theme");
    CHECK(same->merge.plan.conflicts[0].base == (base.releases[2].theme.empty() ? std::nullopt : std::optional<std::string>("\"" + base.releases[2].theme + "\"")));
}
