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
    assertThat(data.requireRegionalCommission("eclac").coveringOffices()).containsExactly("ro-buenosaires",
        "ro-sanjose");
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
  void iomMembershipOnADay_isWhatTheSourcesSay_orUnknown() {
    java.time.LocalDate june2013 = java.time.LocalDate.of(2013, 6, 20);
    assertThat(data.iomMembership("MWI").on(java.time.LocalDate.of(2013, 6, 13)).status())
        .isEqualTo(IomMembership.Status.NOT_MEMBER);
    assertThat(data.iomMembership("MWI").on(java.time.LocalDate.of(2013, 6, 14)).status())
        .isEqualTo(IomMembership.Status.MEMBER);
    assertThat(data.iomMembership("CHN").on(june2013).status()).isEqualTo(IomMembership.Status.NOT_MEMBER);
    assertThat(data.iomMembership("JOR").on(june2013).status()).as("a sourced year")
        .isEqualTo(IomMembership.Status.MEMBER);
    assertThat(data.iomMembership("MUS").on(java.time.LocalDate.of(2006, 3, 1)).status())
        .as("admitted in 2006, day unknown").isEqualTo(IomMembership.Status.UNKNOWN);
    assertThat(data.iomMembership("PHL").on(june2013).basis()).contains("Correlates of War");
    assertThat(data.iomMembership("RUS").on(june2013).status()).isEqualTo(IomMembership.Status.UNKNOWN);
  }

  @Test
  void countryOffices_areKnownWhereASourceSaysSo_andOtherwiseSaidToBeUnknown() {
    assertThat(data.countryOffice("COM").absent()).isTrue();
    assertThat(data.countryOffice("COM").coveredBy()).contains("Mauritius");
    assertThat(data.countryOffice("PHL").status()).isEqualTo(CountryOffice.YES);
    assertThat(data.countryOffice("VAT").status()).isEqualTo(CountryOffice.UNKNOWN);
    assertThat(data.countryOffice("VAT").basis()).isEqualTo("unknown");
    assertThat(data.memberStates()).allSatisfy(s -> assertThat(data.countryOffice(s.iso3())).isNotNull());
  }

  @Test
  void quotedCsvCellsKeepTheirCommas() {
    assertThat(Csv.split("a,\"b, c\",\"say \"\"hi\"\"\"")).containsExactly("a", "b, c", "say \"hi\"");
  }
}
