// The open plan with its file identity and edit history.
//
// Undo works on whole-plan snapshots: `committed_` is the plan as of the last finished edit; commit()
// pushes it onto the undo stack when the live plan differs. Widgets edit `plan` in place and call
// commit() when an edit finishes (text field deactivated, combo picked), so one typing session is
// one undo step.
#pragma once

#include "plan/plan.hpp"

#include <deque>
#include <string>

namespace relplan::ui {

class Document {
public:
    Plan plan;

    void reset(Plan p, std::string name, std::string path);
    // Widgets call touch() when they changed `plan`; commit() then records everything changed since
    // the last commit as one undo step (nothing happens when nothing was touched).
    void touch() { pending_ = true; }
    void commit();
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    void undo();
    void redo();

    // A read-only view (the plan is being edited in another browser tab): commit() drops every edit
    // and undo/redo do nothing, until set_read_only(false) or the next reset().
    void set_read_only(bool on) { read_only_ = on; }
    bool read_only() const { return read_only_; }

    void mark_saved(std::string name, std::string path);
    // The plan differs from anything on disk (restored from a recovery copy).
    void mark_unsaved() { saved_ = Plan{}; dirty_ = true; }
    bool dirty() const { return dirty_; }
    // The plan as last saved or opened (the empty plan after a recovery or for a new plan).
    const Plan& saved() const { return saved_; }
    const std::string& name() const { return name_; }
    const std::string& path() const { return path_; }
    // Bumped on every change of `plan` that was committed, undone or redone: views cache on it.
    unsigned revision() const { return revision_; }

private:
    static constexpr std::size_t max_history = 200;
    Plan committed_;
    Plan saved_;
    std::deque<Plan> undo_;
    std::deque<Plan> redo_;
    std::string name_;
    std::string path_;
    bool dirty_ = false;
    bool pending_ = false;
    bool read_only_ = false;
    unsigned revision_ = 0;
};

}  // namespace relplan::ui
