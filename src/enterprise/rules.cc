#include "enterprise/rules.h"

#include <algorithm>
#include <array>
#include <set>

namespace anlan::enterprise {
namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};

bool oneOf(const std::string& v, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), v) != options.end();
}

}  // namespace

char creditCheckChar(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    auto pos = kCharset.find(first17[i]);
    if (pos == std::string_view::npos) return '\0';
    sum += static_cast<int>(pos) * kWeights[i];
  }
  int check = 31 - sum % 31;
  return kCharset[check == 31 ? 0 : check];
}

Status validateCreditCode(const std::string& code) {
  const std::string field = "credit_code";
  if (code.size() != 18) {
    return Error::invalid(field, "a unified social credit code has 18 characters; this has " +
                                     std::to_string(code.size()));
  }
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (kCharset.find(code[i]) == std::string_view::npos) {
      return Error::invalid(
          field, "character " + std::to_string(i + 1) + " ('" + code.substr(i, 1) +
                     "') is not allowed in a credit code (no I, O, Z, S, V or lower case)");
    }
  }
  for (std::size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') {
      return Error::invalid(
          field, "characters 3 to 8 of a credit code are the division code: digits only");
    }
  }
  char check = creditCheckChar(std::string_view(code).substr(0, 17));
  if (check != code[17]) {
    return Error::invalid(field,
                          "the check character does not match: the last character should be " +
                              std::string(1, check));
  }
  return {};
}

Status validate(const Enterprise& e, const org::Registry& registry) {
  if (e.name.empty() || e.name.size() > 200)
    return Error::invalid("name", "name must be 1 to 200 bytes");
  TRY_STATUS(validateCreditCode(e.credit_code));
  const org::Jurisdiction* j = registry.find(e.jurisdiction);
  if (!j || registry.city().empty() || !registry.contains(registry.city(), e.jurisdiction) ||
      e.jurisdiction == registry.city()) {
    return Error::invalid("jurisdiction", "jurisdiction must be a unit or township of the city");
  }
  if (e.sectors.empty()) return Error::invalid("sectors", "at least one sector is required");
  std::set<std::string> seen;
  for (const auto& s : e.sectors) {
    if (!registry.sector(s)) return Error::invalid("sectors", "unknown sector '" + s + "'");
    if (!seen.insert(s).second)
      return Error::invalid("sectors", "sector '" + s + "' appears twice");
  }
  if (e.address.size() > 300) return Error::invalid("address", "address must be at most 300 bytes");
  if (!oneOf(e.risk_color, {"red", "orange", "yellow", "blue"})) {
    return Error::invalid("risk_color", "risk_color must be red, orange, yellow or blue");
  }
  if (!oneOf(e.size, {"large", "medium", "small", "micro"})) {
    return Error::invalid("size", "size must be large, medium, small or micro");
  }
  if (e.contact_name && e.contact_name->size() > 100)
    return Error::invalid("contact_name", "contact_name is too long");
  if (e.contact_phone) {
    const std::string& ph = *e.contact_phone;
    if (ph.size() < 5 || ph.size() > 20 ||
        ph.find_first_not_of("0123456789-+ ") != std::string::npos) {
      return Error::invalid("contact_phone",
                            "contact_phone must be 5 to 20 digits (with - + or spaces)");
    }
  }
  if (e.location) {
    if (!geo::valid(*e.location))
      return Error::invalid("location", "location must be a WGS-84 lon/lat");
    if (!registry.locatedIn(e.jurisdiction, *e.location)) {
      std::string at = registry.unitAt(*e.location);
      const org::Jurisdiction* where = at.empty() ? nullptr : registry.find(at);
      if (!where) return Error::invalid("location", "the location lies outside Hengyang");
      return Error::invalid("location",
                            "the location lies in " + where->name + ", not in " + j->name);
    }
  }
  return {};
}

Subject subjectOf(const Enterprise& e) { return {e.jurisdiction, e.sectors, e.id}; }

bool mayWriteAny(const access::Principal& p) {
  using access::Role;
  return p.user.role == Role::kAdmin || p.user.role == Role::kCommander ||
         p.user.role == Role::kDepartmentOfficer;
}

bool mayWrite(const access::Principal& p, const Enterprise& e) {
  return mayWriteAny(p) && p.scope.admits(subjectOf(e));
}

}  // namespace anlan::enterprise
