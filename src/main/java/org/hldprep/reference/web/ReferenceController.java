package org.hldprep.reference.web;

import java.util.Collection;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.NamedEntry;
import org.hldprep.reference.Office;
import org.hldprep.reference.Rcp;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.RegionalCommission;
import org.hldprep.routing.GroupIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reference data, read-only, for any authenticated user; unknown codes get a 400 naming them. */
@RestController
@RequestMapping("/api/reference")
public class ReferenceController {

  private final ReferenceData referenceData;

  public ReferenceController(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @GetMapping("/member-states")
  public Collection<MemberState> memberStates() {
    return referenceData.memberStates();
  }

  /** A Member State with the groups its work is routed to. */
  @GetMapping("/member-states/{iso3}")
  public CountryRouting memberState(@PathVariable String iso3) {
    MemberState state = referenceData.requireMemberState(iso3);
    return new CountryRouting(state, GroupIds.countryOffice(state.iso3()), state.regionalOffice(),
        GroupIds.permanentMission(state.iso3()));
  }

  @GetMapping("/rcps")
  public Collection<Rcp> rcps() {
    return referenceData.rcps();
  }

  @GetMapping("/rcps/{code}")
  public Rcp rcp(@PathVariable String code) {
    return referenceData.requireRcp(code);
  }

  @GetMapping("/offices")
  public Collection<Office> offices() {
    return referenceData.offices();
  }

  @GetMapping("/gmg-members")
  public Collection<NamedEntry> gmgMembers() {
    return referenceData.gmgMembers();
  }

  @GetMapping("/regional-commissions")
  public Collection<RegionalCommission> regionalCommissions() {
    return referenceData.regionalCommissions();
  }

  public record CountryRouting(MemberState memberState, String countryOfficeGroup, String regionalOfficeGroup,
      String permanentMissionGroup) {
  }
}
