package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hldprep.platform.settings.MailSettings;
import org.hldprep.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** Who is in copy of a long overdue task, and how long a failing mail waits. */
class EscalationRuleTest {

  private final EscalationRule rule = new EscalationRule(ReferenceData.get());

  @Test
  void aCountryOfficesTaskGoesToItsRegionalOffice() {
    assertThat(rule.coveringGroup(List.of("co-phl"), "PHL", null)).contains("ro-bangkok");
    assertThat(rule.coveringGroup(List.of("co-ken"), "KEN", null)).contains("ro-nairobi");
  }

  @Test
  void aRegionalOfficesOwnTaskAndHeadquartersTasksGoToHldCoordination() {
    assertThat(rule.coveringGroup(List.of("ro-bangkok"), "PHL", null)).contains("iom-icp");
    assertThat(rule.coveringGroup(List.of("ro-bangkok"), null, null)).contains("iom-icp");
    assertThat(rule.coveringGroup(List.of("iom-icp-rcp"), null, "colombo-process")).contains("iom-icp");
    assertThat(rule.coveringGroup(List.of("iom-icp"), "PHL", null)).as("nobody above").isEqualTo(Optional.empty());
  }

  @Test
  void anRcpTaskOfAFieldOfficeGoesToTheRegionalOfficeOfTheServingOffice() {
    // The Colombo Process is served by the Country Office in Sri Lanka, covered by Bangkok.
    assertThat(ReferenceData.get().rcp("colombo-process").orElseThrow().servingOffice()).isEqualTo("co-lka");
    assertThat(rule.coveringGroup(List.of("co-lka"), null, "colombo-process")).contains("ro-bangkok");
    // The Puebla Process is served by San José itself: one level up.
    assertThat(rule.coveringGroup(List.of("ro-sanjose"), null, "puebla-process")).contains("iom-icp");
  }

  @Test
  void theBackoffDoublesUpToItsCeiling() {
    OutboxWorker worker = new OutboxWorker(null, null, null,
        new MailSettings.Worker(true, 2000, 20, Duration.ofMinutes(5),
            12, Duration.ofSeconds(30), Duration.ofHours(1)),
        "test");
    assertThat(worker.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(worker.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(worker.backoff(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(worker.backoff(12)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theDigestIsDueFromItsHourInEachZone() {
    var now = java.time.Instant.parse("2030-03-01T06:30:00Z");
    assertThat(DailyDigest.zonesDue(new java.util.LinkedHashSet<>(List.of(java.time.ZoneId.of("Europe/Zurich"),
        java.time.ZoneId.of("Asia/Manila"), java.time.ZoneId.of("America/New_York"))), now, 7))
        .containsExactly(java.time.ZoneId.of("Europe/Zurich"), java.time.ZoneId.of("Asia/Manila"));
    assertThat(CycleFacts.zone("Europe/Geneva", java.time.ZoneId.of("UTC")))
        .isEqualTo(java.time.ZoneId.of("Europe/Zurich"));
    assertThat(CycleFacts.zone("Not/AZone", java.time.ZoneId.of("UTC"))).isEqualTo(java.time.ZoneId.of("UTC"));
  }
}
