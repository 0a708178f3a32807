package org.hldprep.reference;

import java.time.LocalDate;

/**
 * What the reference data knows of a state's IOM membership (reference/iom-membership.csv): the year of
 * admission and, where the source gives it, the day, both only where a named source gives them; and, as
 * secondary evidence, whether the Correlates of War IGO data codes it a full member in 2012.
 */
public record IomMembership(String iso3, Integer memberSince, LocalDate admittedOn, String source,
    Boolean cowMember2012) {

  /** Whether a state was an IOM Member State on a day: yes, no, or the data does not say. */
  public enum Status {
    MEMBER, NOT_MEMBER, UNKNOWN
  }

  /** The answer for a day, and why. */
  public record Answer(Status status, String basis) {
  }

  /** Membership on a day, by the sourced day, else the sourced year, else the 2012 IGO coding. */
  public Answer on(LocalDate day) {
    if (admittedOn != null) {
      return day.isBefore(admittedOn)
          ? new Answer(Status.NOT_MEMBER, "admitted on " + admittedOn + " (" + source + ")")
          : new Answer(Status.MEMBER, "admitted on " + admittedOn + " (" + source + ")");
    }
    if (memberSince != null) {
      if (day.getYear() > memberSince) {
        return new Answer(Status.MEMBER, "admitted in " + memberSince + " (" + source + ")");
      }
      return day.getYear() < memberSince
          ? new Answer(Status.NOT_MEMBER, "admitted only in " + memberSince + " (" + source + ")")
          : new Answer(Status.UNKNOWN,
              "admitted in " + memberSince + ", on a day the source does not give (" + source + ")");
    }
    if (Boolean.TRUE.equals(cowMember2012) && day.getYear() >= 2012) {
      // A member in 2012 stays one: no withdrawal of an IOM Member State is known in the data.
      return new Answer(Status.MEMBER, "a member in 2012 per the Correlates of War IGO data v3.0");
    }
    return new Answer(Status.UNKNOWN, "no source gives its year of admission"
        + (Boolean.FALSE.equals(cowMember2012) ? " and the IGO data codes it a non-member in 2012 (unverified)" : ""));
  }
}
