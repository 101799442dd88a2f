// Boxed<T>: an optional value kept on the heap.
//
// For the rarely present parts of a plan (a release's deployment, rollback and review, its change
// window, a change's freeze exception): an empty Boxed costs one pointer in every release instead of
// the whole struct, which keeps a 100k-release plan within its memory bound. It behaves like
// std::optional<T> for everything plan code does with one (test, dereference, assign, emplace, reset,
// compare) and copies deeply, so a Plan stays a plain value.
#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace relplan {

template <class T>
class Boxed {
public:
    using value_type = T;

    Boxed() = default;
    Boxed(std::nullopt_t) {}
    Boxed(T value) : p_(std::make_unique<T>(std::move(value))) {}
    Boxed(const std::optional<T>& value) : p_(value ? std::make_unique<T>(*value) : nullptr) {}
    Boxed(const Boxed& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    ~Boxed() = default;

    Boxed& operator=(const Boxed& other) {
        if (this != &other) p_ = other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    Boxed& operator=(std::nullopt_t) {
        p_.reset();
        return *this;
    }
    Boxed& operator=(T value) {
        if (p_) {
            *p_ = std::move(value);
        } else {
            p_ = std::make_unique<T>(std::move(value));
        }
        return *this;
    }

    bool has_value() const { return p_ != nullptr; }
    explicit operator bool() const { return p_ != nullptr; }
    T& operator*() { return *p_; }
    const T& operator*() const { return *p_; }
    T* operator->() { return p_.get(); }
    const T* operator->() const { return p_.get(); }

    template <class... Args>
    T& emplace(Args&&... args) {
        p_ = std::make_unique<T>(std::forward<Args>(args)...);
        return *p_;
    }
    void reset() { p_.reset(); }

    friend bool operator==(const Boxed& a, const Boxed& b) {
        if (!a.p_ || !b.p_) return !a.p_ && !b.p_;
        return *a.p_ == *b.p_;
    }
    friend bool operator==(const Boxed& a, std::nullopt_t) { return !a.p_; }

private:
    std::unique_ptr<T> p_;
};

}  // namespace relplan
