#include "app/document.hpp"

#include <utility>

namespace relplan::ui {

void Document::reset(Plan p, std::string name, std::string path) {
    plan = std::move(p);
    committed_ = plan;
    saved_ = plan;
    undo_.clear();
    redo_.clear();
    name_ = std::move(name);
    path_ = std::move(path);
    dirty_ = false;
    pending_ = false;
    read_only_ = false;
    ++revision_;
}

void Document::commit() {
    if (!pending_) return;
    pending_ = false;
    if (plan == committed_) return;
    if (read_only_) {  // the edit is dropped: the view shows the plan as it is
        plan = committed_;
        ++revision_;
        return;
    }
    undo_.push_back(std::move(committed_));
    if (undo_.size() > max_history) undo_.pop_front();
    redo_.clear();
    committed_ = plan;
    dirty_ = !(plan == saved_);
    ++revision_;
}

void Document::undo() {
    commit();  // an edit still in progress becomes its own step first
    pending_ = false;
    if (undo_.empty() || read_only_) return;
    redo_.push_back(std::move(plan));
    plan = std::move(undo_.back());
    undo_.pop_back();
    committed_ = plan;
    dirty_ = !(plan == saved_);
    ++revision_;
}

void Document::redo() {
    if (redo_.empty() || read_only_) return;
    undo_.push_back(std::move(plan));
    plan = std::move(redo_.back());
    redo_.pop_back();
    committed_ = plan;
    dirty_ = !(plan == saved_);
    ++revision_;
}

void Document::mark_saved(std::string name, std::string path) {
    commit();
    saved_ = plan;
    dirty_ = false;
    name_ = std::move(name);
    path_ = std::move(path);
}

}  // namespace relplan::ui
