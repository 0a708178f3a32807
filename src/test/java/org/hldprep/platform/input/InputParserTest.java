package org.hldprep.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputParserTest {

  @Test
  void dates_acceptIsoDatesAndTimestamps_andNameTheFieldOtherwise() {
    assertThat(InputParser.date("hldDate", "2013-10-03")).isEqualTo(LocalDate.of(2013, 10, 3));
    assertThat(InputParser.date("hldDate", "2013-10-03T00:00:00Z")).isEqualTo(LocalDate.of(2013, 10, 3));
    assertThat(InputParser.date("hldDate", "2013-10-03T23:30:00.000+0200")).isEqualTo(LocalDate.of(2013, 10, 3));
    assertThat(InputParser.date("hldDate", Date.from(java.time.Instant.parse("2013-10-02T22:30:00Z")),
        ZoneId.of("Europe/Zurich"))).as("a Date is read in the cycle's zone").isEqualTo(LocalDate.of(2013, 10, 3));
    for (String bad : List.of("3 Oct 2013", "2013-02-30", "2013-10-03xyz", "2013-10-03T25")) {
      assertThatThrownBy(() -> InputParser.date("hldDate", bad)).isInstanceOf(InvalidInputException.class)
          .hasMessage("hldDate must be a date (yyyy-MM-dd), got '" + bad + "'");
    }
    assertThatThrownBy(() -> InputParser.date("hldDate", " ")).hasMessage("hldDate is required");
    assertThat(InputParser.dates("roundtableDates", "2012-10-12, 2013-01-24"))
        .containsExactly(LocalDate.of(2012, 10, 12), LocalDate.of(2013, 1, 24));
  }

  @Test
  void durations_numbersFlagsAndZones() {
    assertThat(InputParser.positiveDuration("silenceWindow", "pt72h")).isEqualTo("PT72H");
    assertThatThrownBy(() -> InputParser.positiveDuration("silenceWindow", "-PT1H"))
        .hasMessageContaining("silenceWindow must be a positive ISO 8601 duration");
    assertThatThrownBy(() -> InputParser.positiveDuration("silenceWindow", "72 hours"))
        .hasMessageContaining("'72 hours'");
    assertThat(InputParser.wholeNumber("maxReviewReturns", "3", 1)).isEqualTo(3);
    assertThat(InputParser.wholeNumber("maxReviewReturns", 2L, 1)).isEqualTo(2);
    assertThatThrownBy(() -> InputParser.wholeNumber("maxReviewReturns", 0, 1)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> InputParser.wholeNumber("maxReviewReturns", 1.5, 1)).hasMessageContaining("'1.5'");
    assertThat(InputParser.flag("replay", "TRUE")).isTrue();
    assertThatThrownBy(() -> InputParser.flag("replay", "yes")).hasMessage("replay must be true or false, got 'yes'");
    assertThat(InputParser.timeZone("timeZone", "America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(InputParser.timeZone("timeZone", "Europe/Geneva")).isEqualTo(ZoneId.of("Europe/Zurich"));
    assertThatThrownBy(() -> InputParser.timeZone("timeZone", "+02:00")).hasMessageContaining("IANA");
  }

  @Test
  void codes_fromListsJsonAndText() {
    assertThat(InputParser.codes("PHL, KEN;mex  PHL")).containsExactly("PHL", "KEN", "mex");
    assertThat(InputParser.codes("[\"colombo-process\",\"sacm\"]")).containsExactly("colombo-process", "sacm");
    assertThat(InputParser.codes(List.of(" PHL ", ""))).containsExactly("PHL");
    assertThat(InputParser.codes(null)).isEmpty();
  }
}
