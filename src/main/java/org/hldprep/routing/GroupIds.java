package org.hldprep.routing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.Office;
import org.hldprep.reference.ReferenceData;

/** The group ids of the contract (domain.md Part A): the one place that spells them. */
public final class GroupIds {

  public static final String ADMIN = "camunda-admin";
  public static final String ICP = "iom-icp";
  public static final String ICP_GOVERNING_BODIES = "iom-icp-gb";
  public static final String ICP_RCP = "iom-icp-rcp";
  public static final String ICP_PARTNERSHIPS = "iom-icp-ip";
  public static final String POLICY_RESEARCH = "iom-mpr";
  public static final String LEGAL = "iom-legal";
  public static final String DIRECTOR_GENERAL = "iom-dg";
  public static final String LIAISON_NEW_YORK = "iom-slo-nyc";
  public static final String LIAISON_ADDIS_ABABA = "iom-slo-add";
  public static final String COUNCIL_CHAIR = "council-chair";
  public static final String FRIENDS_OF_THE_CHAIR = "fotc";

  /** Camunda's id whitelist: the contract's lower-case hyphenated ids, and nothing wider. */
  public static final String ID_WHITELIST_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

  private GroupIds() {
  }

  /** Every group of the contract with a readable name, in a stable order. */
  public static Map<String, String> contractGroups(ReferenceData referenceData) {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(ADMIN, "HLD Prep administrators");
    groups.put(ICP, "ICP: HLD coordination");
    groups.put(ICP_GOVERNING_BODIES, "ICP: Governing Bodies (Council secretariat)");
    groups.put(ICP_RCP, "ICP: RCP unit");
    groups.put(ICP_PARTNERSHIPS, "ICP: International Partnerships");
    groups.put(POLICY_RESEARCH, "Migration policy and research");
    groups.put(LEGAL, "Office of Legal Affairs");
    groups.put(DIRECTOR_GENERAL, "Director General");
    groups.put(LIAISON_NEW_YORK, "Special Liaison Office New York");
    groups.put(LIAISON_ADDIS_ABABA, "Special Liaison Office Addis Ababa");
    groups.put(COUNCIL_CHAIR, "Council Chairperson");
    groups.put(FRIENDS_OF_THE_CHAIR, "Friends of the Chair");
    for (Office office : referenceData.regionalOffices()) {
      groups.put(office.code(), "Regional Office " + office.city() + " (" + office.coverage() + ")");
    }
    for (MemberState state : referenceData.memberStates()) {
      groups.put(countryOffice(state.iso3()), "Country Office " + state.name());
    }
    for (MemberState state : referenceData.memberStates()) {
      groups.put(permanentMission(state.iso3()), "Permanent Mission of " + state.name());
    }
    return groups;
  }

  /**
   * The group of an IOM office of the reference data (regional-offices.csv): a Regional Office's code is
   * its group id ({@code ro-bangkok}); the Special Liaison Offices {@code slo-nyc} and {@code slo-add}
   * are the groups {@code iom-slo-nyc} and {@code iom-slo-add} of the contract.
   */
  public static String office(String officeCode) {
    return officeCode.startsWith("slo-") ? "iom-" + officeCode : officeCode;
  }

  public static String countryOffice(String iso3) {
    return "co-" + iso3.toLowerCase(Locale.ROOT);
  }

  public static String permanentMission(String iso3) {
    return "pm-" + iso3.toLowerCase(Locale.ROOT);
  }
}
