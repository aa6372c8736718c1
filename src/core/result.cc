#include "core/result.h"

namespace anlan {

const char* codeName(Code c) {
  switch (c) {
    case Code::kInvalidArgument:
      return "invalid_argument";
    case Code::kUnauthenticated:
      return "unauthenticated";
    case Code::kPermissionDenied:
      return "permission_denied";
    case Code::kNotFound:
      return "not_found";
    case Code::kConflict:
      return "conflict";
    case Code::kFailedPrecondition:
      return "failed_precondition";
    case Code::kResourceExhausted:
      return "resource_exhausted";
    case Code::kUnavailable:
      return "unavailable";
    case Code::kInternal:
      return "internal";
    case Code::kPayloadTooLarge:
      return "payload_too_large";
    case Code::kMethodNotAllowed:
      return "method_not_allowed";
    case Code::kUnprocessable:
      return "unprocessable";
  }
  return "internal";
}

}  // namespace anlan
