// The audience an imported change gets when its source says nothing about audiences.
//
// Importers (changelogs, commit logs) know a change's category and whether its kind is internal
// work (docs, chore, refactor, test, build, ci, style commits; "Miscellaneous Chores" and similar
// changelog sections): internal work is Audience::internal, user-facing kinds get
// default_audience(category) (changelog sections of improvements stay technical, the audience a
// plan's own changes have: notes/changelog_sections.cpp says why):
//
//   category          audience   why
//   new-feature       end-user   what's new is what every user wants to read
//   breaking-change   customer   customers must act on it
//   improvement       customer
//   bug-fix           customer
//   performance       customer
//   security          customer   advisories are public
//   deprecation       customer   customers must plan for it
//
// So customer notes of an imported release list its user-facing changes, end-user notes its new
// features, and technical notes everything but internal work (notes/notes.hpp).
#pragma once

#include "plan/plan.hpp"

namespace relplan {

Audience default_audience(ChangeCategory category);

}  // namespace relplan
