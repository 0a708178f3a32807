package org.hldprep.board;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.hldprep.platform.api.ForbiddenException;
import org.hldprep.reference.Office;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;

/**
 * How much of the progress board a caller may read: everything (HLD coordination, Governing Bodies,
 * the Director General, administrators) or the regions of the caller's Regional Office groups. Decided
 * from the caller's groups alone, before the engine is read.
 *
 * @param everything whether the caller reads every region and every track
 * @param regionalOffices the caller's Regional Office groups (empty when {@code everything})
 */
public record BoardScope(boolean everything, Set<String> regionalOffices) {

  /** Groups that read the whole board. */
  public static final Set<String> READ_EVERYTHING = Set.of(GroupIds.ADMIN, GroupIds.ICP,
      GroupIds.ICP_GOVERNING_BODIES, GroupIds.DIRECTOR_GENERAL);

  /**
   * The scope of a caller with these groups.
   *
   * @throws ForbiddenException for a caller who may read nothing of the board (e.g. a Country Office)
   */
  public static BoardScope of(Collection<String> groups, ReferenceData referenceData) {
    if (groups.stream().anyMatch(READ_EVERYTHING::contains)) {
      return new BoardScope(true, Set.of());
    }
    Set<String> offices = new TreeSet<>();
    for (Office office : referenceData.regionalOffices()) {
      if (groups.contains(office.code())) {
        offices.add(office.code());
      }
    }
    if (offices.isEmpty()) {
      throw new ForbiddenException("The progress board is for " + String.join(", ", new TreeSet<>(READ_EVERYTHING))
          + " and the Regional Offices (ro-*), each for its own region");
    }
    return new BoardScope(false, Set.copyOf(offices));
  }

  /** Whether the caller may read what belongs to this Regional Office ({@code null}: to no region). */
  public boolean covers(String regionalOffice) {
    return everything || (regionalOffice != null && regionalOffices.contains(regionalOffice));
  }

  /**
   * Refuses a cycle that includes none of the caller's regions: its calendar and figures are not the
   * caller's, as the list of cycles already has it.
   */
  public void requireCycle(String cycle, Collection<String> cycleRegions) {
    if (!everything && cycleRegions.stream().noneMatch(this::covers)) {
      throw new ForbiddenException("Cycle " + cycle + " includes no country of " + String.join(", ", new TreeSet<>(
          regionalOffices)) + "; you may read the cycles of your region only");
    }
  }

  /** Refuses, with a message naming the region, what belongs to a region the caller does not cover. */
  public void requireRegion(String regionalOffice, String what) {
    if (!covers(regionalOffice)) {
      throw new ForbiddenException(what + " belongs to " + (regionalOffice == null ? "no region" : regionalOffice)
          + "; you may read " + String.join(", ", new TreeSet<>(regionalOffices)) + " only");
    }
  }
}
