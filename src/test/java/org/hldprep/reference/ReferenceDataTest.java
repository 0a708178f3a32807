package org.hldprep.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

  private final ReferenceData data = ReferenceData.get();

  @Test
  void loadsTheMemberStatesWithTheirRegionalOffice() {
    assertThat(data.memberStates()).hasSize(194);
    assertThat(data.requireMemberState("phl").regionalOffice()).isEqualTo("ro-bangkok");
    assertThat(data.requireMemberState("KEN").regionalOffice()).isEqualTo("ro-nairobi");
    assertThat(data.requireMemberState(" mex ").regionalOffice()).isEqualTo("ro-sanjose");
    assertThat(data.requireMemberState("VAT").name()).isEqualTo("Holy See");
  }

  @Test
  void everyMemberStateIsCoveredByOneOfTheNineRegionalOffices() {
    Set<String> regionalOffices = data.regionalOffices().stream().map(Office::code).collect(Collectors.toSet());
    assertThat(regionalOffices).containsExactlyInAnyOrder("ro-dakar", "ro-pretoria", "ro-nairobi", "ro-cairo",
        "ro-sanjose", "ro-buenosaires", "ro-bangkok", "ro-brussels", "ro-vienna");
    assertThat(data.memberStates()).allSatisfy(s -> assertThat(regionalOffices).contains(s.regionalOffice()));
  }

  @Test
  void loadsRcpsGmgMembersAndRegionalCommissions() {
    assertThat(data.rcps()).hasSize(21);
    Rcp colombo = data.requireRcp("colombo-process");
    assertThat(colombo.iomIsSecretariat()).isTrue();
    assertThat(colombo.servingOffice()).isEqualTo("co-lka");
    assertThat(data.requireRcp("budapest-process").iomIsSecretariat()).isFalse();
    assertThat(data.gmgMembers()).hasSize(16);
    assertThat(data.regionalCommissions()).extracting(RegionalCommission::code)
        .containsExactly("eca", "ece", "eclac", "escap", "escwa");
  }

  @Test
  void everyRegionalCommissionIsCoveredByKnownIomOfficesWithTheBasisOfTheAssignment() {
    Set<String> offices = data.offices().stream().map(Office::code).collect(Collectors.toSet());
    assertThat(data.regionalCommissions()).allSatisfy(commission -> {
      assertThat(commission.coveringOffices()).isNotEmpty().allSatisfy(office -> assertThat(offices).contains(office));
      assertThat(commission.coveringOfficesBasis()).isIn("source", "inferred", "partly-inferred");
      assertThat(commission.coveringOfficesSource()).isNotBlank();
    });
    assertThat(data.requireRegionalCommission(" ECA ").coveringOffices()).containsExactly("ro-nairobi", "slo-add");
    assertThat(data.requireRegionalCommission("eclac").coveringOffices()).containsExactly("ro-buenosaires", "ro-sanjose");
    assertThat(data.requireRegionalCommission("escap").acronym()).isEqualTo("ESCAP");
    assertThatThrownBy(() -> data.requireRegionalCommission("ecwa"))
        .isInstanceOf(UnknownReferenceCodeException.class).hasMessageContaining("'ecwa'").hasMessageContaining("escwa");
  }

  @Test
  void unknownCodesAreRefusedWithAMessageNamingThem() {
    assertThatThrownBy(() -> data.requireMemberState("XKX"))
        .isInstanceOf(UnknownReferenceCodeException.class).hasMessageContaining("'XKX'");
    assertThatThrownBy(() -> data.requireRcp("khartoum-process"))
        .isInstanceOf(UnknownReferenceCodeException.class).hasMessageContaining("'khartoum-process'");
    assertThatThrownBy(() -> data.requireMemberState(null)).isInstanceOf(UnknownReferenceCodeException.class);
  }

  @Test
  void quotedCsvCellsKeepTheirCommas() {
    assertThat(Csv.split("a,\"b, c\",\"say \"\"hi\"\"\"")).containsExactly("a", "b, c", "say \"hi\"");
  }
}
