package org.hldprep.board;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.hldprep.board.CycleReader.Item;
import org.hldprep.board.CycleReader.Snapshot;
import org.hldprep.platform.api.InvalidRequestException;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.Office;
import org.hldprep.reference.ReferenceData;

/** Where an instance of a cycle belongs: its country, its Regional Office, and the regions a caller is shown. */
final class BoardPlaces {

  private final ReferenceData referenceData;

  BoardPlaces(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  /** The regions to show: null for all; the asked one if the caller covers it (403 otherwise). */
  Set<String> shown(BoardScope scope, String regionalOffice) {
    if (regionalOffice == null || regionalOffice.isBlank()) {
      return scope.everything() ? null : scope.regionalOffices();
    }
    String code = regionalOffice.trim().toLowerCase(Locale.ROOT);
    if (!isRegionalOffice(code)) {
      throw new InvalidRequestException("Unknown Regional Office '" + regionalOffice + "': expected one of "
          + String.join(", ", referenceData.regionalOffices().stream().map(Office::code).toList()));
    }
    scope.requireRegion(code, "The region " + code);
    return Set.of(code);
  }

  /** The regions a cycle includes: those it started with, and those of any country added since. */
  Set<String> regions(Snapshot snapshot) {
    Set<String> regions = new LinkedHashSet<>(snapshot.status().regionalOffices());
    snapshot.items().stream().map(this::region).filter(Objects::nonNull).forEach(regions::add);
    return regions;
  }

  MemberState country(Item item) {
    Object code = item.variable(CycleReader.COUNTRY_CODE);
    return code == null ? null : referenceData.memberState(code.toString()).orElse(null);
  }

  /** The Regional Office an instance belongs to: its country's, or the one it names; null for none. */
  String region(Item item) {
    MemberState country = country(item);
    if (country != null) {
      return country.regionalOffice();
    }
    Object office = item.variable(CycleReader.REGIONAL_OFFICE);
    return office != null && isRegionalOffice(office.toString()) ? office.toString() : null;
  }

  /** Whether a Country Office's group (co-iso3) is of a country in these regions. */
  boolean countryOfficeIn(String group, Set<String> regions) {
    return group.startsWith("co-") && referenceData.memberState(group.substring(3))
        .map(s -> regions.contains(s.regionalOffice())).orElse(false);
  }

  List<Office> regionalOffices() {
    return referenceData.regionalOffices();
  }

  private boolean isRegionalOffice(String code) {
    return referenceData.regionalOffices().stream().anyMatch(o -> o.code().equals(code));
  }
}
