#include "app/cert.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>

namespace anlan::app {
namespace {

namespace fs = std::filesystem;

template <class T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

Error sslError(const std::string& what) {
  char buf[256] = "unknown error";
  if (unsigned long e = ERR_get_error()) ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  return Error::internal(what + ": " + buf);
}

bool isAddress(const std::string& name) {
  unsigned char buf[sizeof(in6_addr)];
  return inet_pton(AF_INET, name.c_str(), buf) == 1 || inet_pton(AF_INET6, name.c_str(), buf) == 1;
}

Status validName(const std::string& n) {
  if (isAddress(n)) return {};
  bool ok =
      !n.empty() && n.size() <= 253 && n.front() != '.' && n.back() != '.' && n.front() != '-';
  for (char c : n) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.');
  if (!ok) return Error::invalid("names", "'" + n + "' is neither a host name nor an IP address");
  return {};
}

Result<Key> newKey() {
  Key key(EVP_EC_gen("P-256"));
  if (!key) return sslError("cannot make a P-256 key");
  return key;
}

Status writeFile(const fs::path& path, bool secret, const std::function<int(BIO*)>& write) {
  fs::path tmp = path;
  tmp += ".tmp";
  Bio bio(BIO_new_file(tmp.c_str(), "w"));
  if (!bio) return Error::internal("cannot write " + tmp.string());
  if (secret) ::chmod(tmp.c_str(), 0600);
  if (write(bio.get()) != 1 || BIO_flush(bio.get()) != 1)
    return sslError("cannot write " + path.string());
  bio.reset();
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Error::internal("cannot write " + path.string() + ": " + ec.message());
  return {};
}

Status addExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (!ext) return sslError("cannot make the extension " + value);
  int ok = X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
  if (ok != 1) return sslError("cannot add the extension " + value);
  return {};
}

// A certificate for `subject_cn` with `key`, signed by `issuer_key` (and `issuer`, or itself).
Result<Cert> makeCert(const std::string& subject_cn, EVP_PKEY* key, X509* issuer,
                      EVP_PKEY* issuer_key, long days,
                      const std::vector<std::pair<int, std::string>>& extensions) {
  Cert cert(X509_new());
  if (!cert) return sslError("cannot make a certificate");
  X509_set_version(cert.get(), 2);
  unsigned char serial[16];
  if (RAND_bytes(serial, sizeof serial) != 1) return sslError("no randomness for the serial");
  serial[0] &= 0x7f;  // positive
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);  // tolerate clocks a little behind
  X509_time_adj_ex(X509_getm_notAfter(cert.get()), static_cast<int>(days), 0, nullptr);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>("Anlan"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(subject_cn.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
  for (const auto& [nid, value] : extensions) {
    TRY_STATUS(addExtension(cert.get(), issuer ? issuer : cert.get(), nid, value));
  }
  if (X509_sign(cert.get(), issuer_key, EVP_sha256()) == 0)
    return sslError("cannot sign the certificate");
  return cert;
}

std::string fingerprint(X509* cert) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_digest(cert, EVP_sha256(), md, &n);
  std::string out;
  char hex[4];
  for (unsigned int i = 0; i < n; ++i) {
    std::snprintf(hex, sizeof hex, i ? ":%02X" : "%02X", md[i]);
    out += hex;
  }
  return out;
}

}  // namespace

std::vector<std::string> machineNames() {
  std::vector<std::string> out{"localhost"};
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0 && host[0] && std::string(host) != "localhost")
    out.emplace_back(host);
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) == 0) {
    for (ifaddrs* i = list; i; i = i->ifa_next) {
      if (!i->ifa_addr || !(i->ifa_flags & IFF_UP)) continue;
      char buf[INET6_ADDRSTRLEN] = {};
      if (i->ifa_addr->sa_family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, buf, sizeof buf);
      } else if (i->ifa_addr->sa_family == AF_INET6) {
        auto* a6 = reinterpret_cast<sockaddr_in6*>(i->ifa_addr);
        if (IN6_IS_ADDR_LINKLOCAL(&a6->sin6_addr))
          continue;  // needs a zone; browsers do not use it
        inet_ntop(AF_INET6, &a6->sin6_addr, buf, sizeof buf);
      } else {
        continue;
      }
      out.emplace_back(buf);
    }
    freeifaddrs(list);
  }
  return out;
}

Result<CertReport> initCertificates(const CertOptions& o) {
  std::vector<std::string> names = o.machine_names ? machineNames() : std::vector<std::string>{};
  for (const auto& n : o.names) {
    TRY_STATUS(validName(n));
    names.push_back(n);
  }
  std::vector<std::string> unique;
  for (const auto& n : names) {
    if (std::find(unique.begin(), unique.end(), n) == unique.end()) unique.push_back(n);
  }
  if (unique.empty())
    return Error::invalid("names", "the server certificate needs at least one name");
  if (o.server_days < 1 || o.server_days > 825)
    return Error::invalid("days", "days must be 1 to 825");

  fs::path dir = o.dir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error::invalid("dir", "cannot create " + dir.string() + ": " + ec.message());
  CertReport r{(dir / "ca.crt").string(),
               (dir / "ca.key").string(),
               (dir / "server.crt").string(),
               (dir / "server.key").string(),
               false,
               unique,
               ""};

  // The CA: kept when present, so that browsers which trust it go on trusting the new certificate.
  Key ca_key;
  Cert ca;
  if (fs::exists(r.ca_cert) && fs::exists(r.ca_key)) {
    Bio kb(BIO_new_file(r.ca_key.c_str(), "r")), cb(BIO_new_file(r.ca_cert.c_str(), "r"));
    if (kb) ca_key.reset(PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr));
    if (cb) ca.reset(PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr));
    if (!ca_key || !ca) return sslError("cannot read the CA in " + dir.string());
    if (X509_check_private_key(ca.get(), ca_key.get()) != 1) {
      return Error::invalid("dir", r.ca_key + " is not the key of " + r.ca_cert);
    }
  } else {
    TRY(ca_key, newKey());
    std::string cn = "Anlan local CA";
    if (char host[256] = {}; gethostname(host, sizeof host - 1) == 0 && host[0])
      cn += std::string(" (") + host + ")";
    TRY(ca, makeCert(cn, ca_key.get(), nullptr, ca_key.get(), 3650,
                     {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                      {NID_key_usage, "critical,keyCertSign,cRLSign"},
                      {NID_subject_key_identifier, "hash"}}));
    TRY_STATUS(writeFile(r.ca_key, true, [&](BIO* b) {
      return PEM_write_bio_PrivateKey(b, ca_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    }));
    TRY_STATUS(
        writeFile(r.ca_cert, false, [&](BIO* b) { return PEM_write_bio_X509(b, ca.get()); }));
    r.ca_created = true;
  }

  std::string san;
  for (const auto& n : unique)
    san += (san.empty() ? "" : ",") + std::string(isAddress(n) ? "IP:" : "DNS:") + n;
  TRY(auto key, newKey());
  TRY(auto cert, makeCert(unique.size() > 1 && unique[0] == "localhost" ? unique[1] : unique[0],
                          key.get(), ca.get(), ca_key.get(), o.server_days,
                          {{NID_basic_constraints, "critical,CA:FALSE"},
                           {NID_key_usage, "critical,digitalSignature"},
                           {NID_ext_key_usage, "serverAuth"},
                           {NID_subject_key_identifier, "hash"},
                           {NID_authority_key_identifier, "keyid:always"},
                           {NID_subject_alt_name, san}}));
  TRY_STATUS(writeFile(r.server_key, true, [&](BIO* b) {
    return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  }));
  TRY_STATUS(
      writeFile(r.server_cert, false, [&](BIO* b) { return PEM_write_bio_X509(b, cert.get()); }));
  r.ca_fingerprint = fingerprint(ca.get());
  return r;
}

}  // namespace anlan::app
