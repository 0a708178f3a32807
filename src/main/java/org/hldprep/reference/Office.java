package org.hldprep.reference;

/** An IOM Regional Office or Special Liaison Office. */
public record Office(String code, String kind, String city, String countryIso3, String coverage) {

  public boolean isRegionalOffice() {
    return "regional-office".equals(kind);
  }
}
