// Reads the current GL framebuffer and writes it as a PNG (for tests and the README).
#pragma once
#include <string>
namespace relplan::desktop {
bool write_screenshot(const std::string& path, int width, int height);
}
