package org.hldprep.reference;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference data of HLD Prep, loaded once from {@code classpath:reference/*.csv}: Member States
 * with their Regional Office, the RCPs, the IOM offices, the GMG members and the UN Regional
 * Commissions. Immutable; used for validation of client input and for task routing.
 *
 * <p>Plain Java (no Spring) so that engine-only tests and the routing listener use the same data.
 */
public final class ReferenceData {

  private static final ReferenceData INSTANCE = load();

  private final Map<String, MemberState> memberStates;
  private final Map<String, Rcp> rcps;
  private final Map<String, Office> offices;
  private final Map<String, NamedEntry> gmgMembers;
  private final Map<String, RegionalCommission> regionalCommissions;
  private final Map<String, IomMembership> memberships;
  private final Map<String, CountryOffice> countryOffices;

  private ReferenceData(Map<String, MemberState> memberStates, Map<String, Rcp> rcps, Map<String, Office> offices,
      Map<String, NamedEntry> gmgMembers, Map<String, RegionalCommission> regionalCommissions,
      Map<String, IomMembership> memberships, Map<String, CountryOffice> countryOffices) {
    this.memberStates = memberStates;
    this.rcps = rcps;
    this.offices = offices;
    this.gmgMembers = gmgMembers;
    this.regionalCommissions = regionalCommissions;
    this.memberships = memberships;
    this.countryOffices = countryOffices;
    checkConsistency();
  }

  /** The data shipped with the application (loaded once per JVM). */
  public static ReferenceData get() {
    return INSTANCE;
  }

  static ReferenceData load() {
    Map<String, MemberState> states = index(Csv.read("reference/member-states.csv").stream()
        .map(r -> new MemberState(r.get("iso3"), r.get("iso2"), r.get("name"), integer(r.get("iom_member_since")),
            r.get("iom_regional_office"), "inferred".equals(r.get("iom_regional_office_basis"))))
        .toList(), MemberState::iso3);
    Map<String, Rcp> rcps = index(Csv.read("reference/rcps.csv").stream()
        .map(r -> new Rcp(r.get("code"), r.get("name"), r.get("acronym"), r.get("region"), r.get("kind"),
            Rcp.IomSecretariat.valueOf(r.get("iom_secretariat").toUpperCase(Locale.ROOT)),
            integer(r.get("established")), r.get("serving_office")))
        .toList(), Rcp::code);
    Map<String, Office> offices = index(Csv.read("reference/regional-offices.csv").stream()
        .map(r -> new Office(r.get("code"), r.get("kind"), r.get("city"), r.get("country_iso3"), r.get("coverage")))
        .toList(), Office::code);
    Map<String, NamedEntry> gmg = index(Csv.read("reference/gmg-members.csv").stream()
        .map(r -> new NamedEntry(r.get("code"), r.get("name"))).toList(), NamedEntry::code);
    Map<String, RegionalCommission> commissions = index(Csv.read("reference/regional-commissions.csv").stream()
        .map(r -> new RegionalCommission(r.get("code"), r.get("name"), r.get("seat_city"), r.get("seat_iso3"),
            List.of(r.get("covering_offices").split(";")), r.get("covering_offices_basis"),
            r.get("covering_offices_source")))
        .toList(), RegionalCommission::code);
    Map<String, IomMembership> memberships = index(Csv.read("reference/iom-membership.csv").stream()
        .map(r -> new IomMembership(r.get("iso3"), integer(r.get("iom_member_since")),
            r.get("admitted_on").isBlank() ? null : java.time.LocalDate.parse(r.get("admitted_on")), r.get("source"),
            r.get("cow_igo_v3_member_2012").isBlank() ? null : "1".equals(r.get("cow_igo_v3_member_2012"))))
        .toList(), IomMembership::iso3);
    Map<String, CountryOffice> countryOffices = index(Csv.read("reference/country-offices.csv").stream()
        .map(r -> new CountryOffice(r.get("iso3"), r.get("country_office"), r.get("covered_by"), r.get("basis"),
            r.get("source")))
        .toList(), CountryOffice::iso3);
    return new ReferenceData(states, rcps, offices, gmg, commissions, memberships, countryOffices);
  }

  public Collection<MemberState> memberStates() {
    return memberStates.values();
  }

  public Collection<Rcp> rcps() {
    return rcps.values();
  }

  public Collection<Office> offices() {
    return offices.values();
  }

  public List<Office> regionalOffices() {
    return offices.values().stream().filter(Office::isRegionalOffice).toList();
  }

  public Collection<NamedEntry> gmgMembers() {
    return gmgMembers.values();
  }

  public Collection<RegionalCommission> regionalCommissions() {
    return regionalCommissions.values();
  }

  public Optional<RegionalCommission> regionalCommission(String code) {
    return Optional.ofNullable(code).map(c -> regionalCommissions.get(c.trim().toLowerCase(Locale.ROOT)));
  }

  /** The UN Regional Commission of a code (any case), or a message that names the bad value. */
  public RegionalCommission requireRegionalCommission(String code) {
    return regionalCommission(code).orElseThrow(() -> new UnknownReferenceCodeException(
        "Unknown Regional Commission code '" + code + "': expected one of "
            + String.join(", ", regionalCommissions.keySet())));
  }

  public Optional<MemberState> memberState(String iso3) {
    return Optional.ofNullable(iso3).map(c -> memberStates.get(c.trim().toUpperCase(Locale.ROOT)));
  }

  public Optional<Rcp> rcp(String code) {
    return Optional.ofNullable(code).map(c -> rcps.get(c.trim().toLowerCase(Locale.ROOT)));
  }

  /** The Member State of an ISO alpha-3 code (any case), or a message that names the bad value. */
  public MemberState requireMemberState(String iso3) {
    return memberState(iso3).orElseThrow(() -> new UnknownReferenceCodeException(
        "Unknown country code '" + iso3 + "': expected the ISO 3166-1 alpha-3 code of a Member State"
            + " of the reference list, e.g. PHL"));
  }

  /** The RCP of a code, or a message that names the bad value. */
  public Rcp requireRcp(String code) {
    return rcp(code).orElseThrow(() -> new UnknownReferenceCodeException(
        "Unknown RCP code '" + code + "': expected one of " + String.join(", ", rcps.keySet())));
  }

  /** What the data knows of a Member State's IOM membership (a row for every state of the list). */
  public IomMembership iomMembership(String iso3) {
    return memberships.get(requireMemberState(iso3).iso3());
  }

  /** Whether IOM has a Country Office in a Member State, as far as the data knows (a row for every state). */
  public CountryOffice countryOffice(String iso3) {
    return countryOffices.get(requireMemberState(iso3).iso3());
  }

  private void checkConsistency() {
    for (MemberState state : memberStates.values()) {
      Office office = offices.get(state.regionalOffice());
      if (office == null || !office.isRegionalOffice()) {
        throw new IllegalStateException("Member State " + state.iso3() + " names an unknown Regional Office: "
            + state.regionalOffice());
      }
      CountryOffice countryOffice = countryOffices.get(state.iso3());
      if (countryOffice == null || !java.util.Set.of(CountryOffice.YES, CountryOffice.NO, CountryOffice.UNKNOWN)
          .contains(countryOffice.status())) {
        throw new IllegalStateException("Member State " + state.iso3() + " needs a row in country-offices.csv with"
            + " country_office yes, no or unknown");
      }
      if (!memberships.containsKey(state.iso3())) {
        throw new IllegalStateException("Member State " + state.iso3() + " has no row in iom-membership.csv");
      }
    }
    for (RegionalCommission commission : regionalCommissions.values()) {
      for (String office : commission.coveringOffices()) {
        if (!offices.containsKey(office)) {
          throw new IllegalStateException("Regional Commission " + commission.code() + " names an unknown IOM office: "
              + office);
        }
      }
    }
  }

  private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
    Map<String, T> map = rows.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> {
      throw new IllegalStateException("Duplicate reference code: " + key.apply(a));
    }, LinkedHashMap::new));
    return Collections.unmodifiableMap(map);
  }

  private static Integer integer(String value) {
    return value == null || value.isBlank() ? null : Integer.valueOf(value);
  }
}
