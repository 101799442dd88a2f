#include "calendar/business_days.hpp"
#include "calendar/trains.hpp"
#include "plan/plan_json.hpp"
#include "plan/plan_validate.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using relplan::test::d;

namespace {

Plan two_components() {
    Plan p = test::plan_named("Shop");
    for (const char* id : {"api", "web"}) {
        Component c;
        c.id = id;
        p.components.push_back(c);
    }
    return p;
}

Train monthly() {
    Train t;
    t.id = "monthly";
    t.name = "Monthly";
    t.cadence = "monthly:2nd-tue";
    t.start = d(2027, 1, 1);
    t.count = 3;
    t.components = {"api"};
    t.code_freeze_days = 5;
    return t;
}

std::vector<std::string> dates_of(const Plan& p) {
    std::vector<std::string> out;
    for (const Release& r : p.releases) out.push_back(format_date(*r.release_date) + " " + r.version);
    return out;
}

}  // namespace

TEST_CASE("a monthly train generates releases on its cadence with its code freeze", "[trains]") {
    auto made = train_releases(two_components(), monthly());
    REQUIRE(made.ok());
    REQUIRE(made->size() == 3);
    CHECK(format_date(*(*made)[0].release_date) == "2027-01-12");  // 2nd Tuesday
    CHECK(format_date(*(*made)[1].release_date) == "2027-02-09");
    CHECK(format_date(*(*made)[0].code_freeze) == "2027-01-07");   // 5 days before
    CHECK((*made)[0].version == "0.1.0");
    CHECK((*made)[1].version == "0.2.0");
    CHECK((*made)[0].train == "monthly");
    CHECK((*made)[0].name == "Monthly");
}

TEST_CASE("a train with a bad cadence is refused with the train named", "[trains]") {
    Train t = monthly();
    t.cadence = "fortnightly";
    auto made = apply_train(two_components(), t);
    REQUIRE_FALSE(made.ok());
    CHECK(made.error().message.find("monthly") != std::string::npos);
}

TEST_CASE("regenerating a train keeps releases edited by hand", "[trains]") {
    auto first = apply_train(two_components(), monthly());
    REQUIRE(first.ok());
    Plan p = first->plan;
    REQUIRE(p.releases.size() == 3);
    REQUIRE(p.trains.size() == 1);
    // The user fills in the first release and approves the second.
    Change c;
    c.id = "c1";
    c.description = "Faster checkout";
    p.releases[0].changes.push_back(c);
    p.releases[1].status = ReleaseStatus::approved;

    Train longer = monthly();
    longer.count = 5;
    longer.cadence = "monthly:3rd-tue";  // every date moves
    auto again = apply_train(p, longer);
    REQUIRE(again.ok());
    CHECK(again->kept.size() == 2);
    CHECK(again->removed.size() == 1);
    CHECK(again->added.size() == 5);
    const Plan& q = again->plan;
    REQUIRE(q.releases.size() == 7);
    CHECK(q.releases[0].changes.size() == 1);              // the edited release survived
    CHECK(q.releases[1].status == ReleaseStatus::approved);
    CHECK(format_date(*q.releases[2].release_date) == "2027-01-19");  // 3rd Tuesday
    CHECK(q.releases[2].version == "0.3.0");               // continues after the kept ones
    CHECK(q.trains[0].cadence == "monthly:3rd-tue");
}

TEST_CASE("regenerating an unchanged train changes nothing", "[trains]") {
    auto first = apply_train(two_components(), monthly());
    REQUIRE(first.ok());
    auto again = apply_train(first->plan, monthly());
    REQUIRE(again.ok());
    CHECK(dates_of(again->plan) == dates_of(first->plan));
}

TEST_CASE("a date held by a renamed release is not generated twice", "[trains]") {
    auto first = apply_train(two_components(), monthly());
    REQUIRE(first.ok());
    Plan p = first->plan;
    p.releases[0].name = "New year release";
    auto again = apply_train(p, monthly());
    REQUIRE(again.ok());
    CHECK(again->plan.releases.size() == 3);
    CHECK(again->kept == std::vector<std::string>{p.releases[0].id});
}

TEST_CASE("removing a train keeps edited releases as hand-planned ones", "[trains]") {
    auto first = apply_train(two_components(), monthly());
    REQUIRE(first.ok());
    Plan p = first->plan;
    p.releases[2].status = ReleaseStatus::approved;
    Plan q = remove_train(p, "monthly");
    CHECK(q.trains.empty());
    REQUIRE(q.releases.size() == 1);
    CHECK(q.releases[0].train.empty());
    CHECK(q.releases[0].status == ReleaseStatus::approved);
}

TEST_CASE("trains survive a save and reload and are validated", "[trains]") {
    auto first = apply_train(two_components(), monthly());
    REQUIRE(first.ok());
    std::string json = to_json(first->plan);
    CHECK(json.find("\"trains\"") != std::string::npos);
    CHECK(json.find("\"train\": \"monthly\"") != std::string::npos);
    PlanLoad back = load_plan(json);
    REQUIRE(back.ok());
    CHECK(*back.plan == first->plan);

    Plan bad = first->plan;
    bad.trains.push_back(bad.trains[0]);
    bad.trains[1].components = {"nope"};
    auto diags = validate_plan(bad);
    std::string all;
    for (const auto& x : diags) all += x.pointer + " " + x.message + "\n";
    CHECK(all.find("/trains/1/components/0") != std::string::npos);
    CHECK(all.find("train") != std::string::npos);
}
