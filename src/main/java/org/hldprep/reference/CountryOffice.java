package org.hldprep.reference;

/**
 * Whether IOM has a Country Office in a Member State (reference/country-offices.csv): {@code yes} or
 * {@code no} where a source says so ({@code basis} {@code source}, with the office that covers it when
 * there is none), {@code unknown} where no source was found. Unknown is not read as "no".
 */
public record CountryOffice(String iso3, String status, String coveredBy, String basis, String source) {

  public static final String YES = "yes";
  public static final String NO = "no";
  public static final String UNKNOWN = "unknown";

  /** A source says the state has no IOM Country Office of its own. */
  public boolean absent() {
    return NO.equals(status);
  }
}
