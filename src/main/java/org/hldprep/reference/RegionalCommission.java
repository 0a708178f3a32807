package org.hldprep.reference;

import java.util.List;
import java.util.Locale;

/**
 * A UN Regional Commission and the IOM offices that cover its HLD preparatory meeting (codes of
 * regional-offices.csv), with the basis of that assignment ({@code source}, {@code inferred} or
 * {@code partly-inferred}) and where it comes from.
 */
public record RegionalCommission(String code, String name, String seatCity, String seatIso3,
    List<String> coveringOffices, String coveringOfficesBasis, String coveringOfficesSource) {

  /** ECA, ECE, ECLAC, ESCAP, ESCWA: how staff name a commission. */
  public String acronym() {
    return code.toUpperCase(Locale.ROOT);
  }
}
