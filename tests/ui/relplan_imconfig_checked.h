// ImGui configuration for the UI tests: the app's own (relplan_imconfig.h) plus assertions that stay
// on in release builds and report to the test harness (ui_harness.cpp), so a Begin/End mismatch or a
// misuse ImGui would abort on in a debug build fails the test that caused it.
#pragma once

#include "relplan_imconfig.h"

void relplan_imgui_assert_failed(const char* expression, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : relplan_imgui_assert_failed(#_EXPR, __FILE__, __LINE__))
