package org.hldprep.assignment;

import java.util.Locale;

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

  private GroupIds() {}

  public static String countryOffice(String iso3) {
    return "co-" + iso3.toLowerCase(Locale.ROOT);
  }

  public static String permanentMission(String iso3) {
    return "pm-" + iso3.toLowerCase(Locale.ROOT);
  }
}
