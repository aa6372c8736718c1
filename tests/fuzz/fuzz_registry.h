// The reference registry of Hengyang (jurisdictions, boundaries, sectors) for the fuzz targets
// that validate what they decode, loaded once from the org migrations into a temporary SQLite file.
#pragma once

#include "org/registry.h"

namespace anlan::fuzz {

// Loads on first use; aborts if the registry cannot be built (a broken build, not an input).
const org::Registry& registry();

}  // namespace anlan::fuzz
