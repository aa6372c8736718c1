// `anlan cert init`: a local certificate authority and a server certificate for this machine, so
// that duty-room browsers reach the server over HTTPS (cameras and microphones need a secure
// context) on an isolated network, without a public CA. See docs/operations.md.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace anlan::app {

struct CertOptions {
  std::string dir = "var/tls";     // where ca.crt, ca.key, server.crt and server.key go
  std::vector<std::string> names;  // extra DNS names or IP addresses for the server certificate
  bool machine_names = true;       // add the host name, localhost and every interface address
  int server_days = 397;
};

struct CertReport {
  std::string ca_cert, ca_key, server_cert, server_key;  // the files' paths
  bool ca_created = false;                               // false: the existing CA was kept
  std::vector<std::string> names;                        // the server certificate's names
  std::string ca_fingerprint;                            // SHA-256, AA:BB:… (to check by phone)
};

// Creates the CA unless `dir` already has one (browsers that trust it keep working), then issues
// a new server certificate signed by it. Keys are ECDSA P-256, written with mode 0600.
Result<CertReport> initCertificates(const CertOptions& options);

// The host name, "localhost" and the addresses of the machine's interfaces (loopback included).
std::vector<std::string> machineNames();

}  // namespace anlan::app
