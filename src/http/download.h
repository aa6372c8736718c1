// Files sent to the browser: exports of tables and stored attachments, with a Content-Disposition
// that survives any file name and a cache policy that keeps them out of shared caches.
#pragma once

#include <string>
#include <vector>

#include "core/csv.h"
#include "http/message.h"

namespace anlan::http {

enum class Disposition { kAttachment, kInline };

// `body` as `type`, named `filename` (any UTF-8: RFC 6266 filename with an ASCII stand-in, and
// filename* with the name itself). Never stored by a cache (Cache-Control: private, no-store), so
// nothing of a signed-in user's files outlives their session in a shared or browser cache.
Response download(std::string body, std::string type, const std::string& filename,
                  Disposition disposition = Disposition::kAttachment);

// The table in `format` (csv or xlsx) as a download named <name>-<day>.<extension>, `day` the
// calendar's date (yyyymmdd) of the export.
Result<Response> exportResponse(const std::string& format, const std::string& name,
                                const csv::Record& header, const std::vector<csv::Record>& rows,
                                const std::string& day);

}  // namespace anlan::http
