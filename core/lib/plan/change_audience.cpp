#include "plan/change_audience.hpp"

namespace relplan {

Audience default_audience(ChangeCategory category) {
    return category == ChangeCategory::new_feature ? Audience::end_user : Audience::customer;
}

}  // namespace relplan
