// Helpers for reading list parameters (?limit=&cursor=) the same way on every route. By the time
// a handler reads them, the Router has checked every query and path parameter with checkParams.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "http/message.h"

namespace anlan::http {

// Refuses a request whose query parameters (names and values) or path parameters are not valid
// UTF-8 or hold NUL or other control characters (text::checkText): invalid_argument naming the
// parameter ("query" for a bad name).
Status checkParams(const Request& req);
// ?limit= in [1, max], default `def`; anything else is invalid_argument on "limit".
Result<int> limitParam(const Request& req, int def = 50, int max = 500);
// An integer query parameter, or nullopt when absent; not an integer is invalid_argument.
Result<std::optional<std::int64_t>> intParam(const Request& req, const std::string& name);
// A required finite number (strtod syntax, nothing after it); else invalid_argument on `name`.
Result<double> numberParam(const Request& req, const std::string& name);
// A non-empty text query parameter, or nullopt.
std::optional<std::string> textParam(const Request& req, const std::string& name);
// ?name=true|false (or 1|0), nullopt when absent; anything else is invalid_argument on `name`.
Result<std::optional<bool>> boolParam(const Request& req, const std::string& name);
// ?format=json|csv|xlsx, "json" when absent; anything else is invalid_argument on "format".
Result<std::string> formatParam(const Request& req);
// A positive integer path parameter ({id}); anything else is not_found.
Result<std::int64_t> idParam(const Request& req, const std::string& name = "id");

}  // namespace anlan::http
