package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.support.CycleDays;
import org.hldprep.support.Http;
import org.hldprep.support.MidCourseCycle;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The progress API on PostgreSQL: a cycle in mid-course (see {@link MidCourseCycle}), its figures,
 * who may read what, the exports read back with a CSV parser and with POI, the OpenAPI document, and
 * the webapps' session as a way in for GETs only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressIT extends PostgresIntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;

  private MidCourseCycle cycle;
  private String base;

  @BeforeAll
  void midCourseCycle() {
    addUser("dakar-ro-progress", "ro-dakar");
    cycle = MidCourseCycle.start(port, "HLDP");
    base = "/api/cycles/" + cycle.cycle;
    // the Philippines' review is open once the consultation day's timer has run
    await().atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(row(progress("hld-coordinator"), "PHL").path("currentStep").asText())
            .isEqualTo("Review the national summary"));
  }

  /** The cycle's instances go; its history stays (no other IT reads it). */
  @AfterAll
  void deleteCycle() {
    if (cycle != null) {
      runtimeService.deleteProcessInstanceIfExists(cycle.processInstanceId, "ProgressIT finished", true, true, true,
          false);
    }
  }

  private void addUser(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword("a-test-password");
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  private Http as(String user) {
    return user.startsWith("dakar") ? Http.as(port, user, "a-test-password") : Http.as(port, user);
  }

  private JsonNode progress(String user) {
    Http.Response response = as(user).get(base + "/progress");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode row(JsonNode progress, String iso3) {
    for (JsonNode region : progress.get("regions")) {
      for (JsonNode row : region.get("rows")) {
        if (row.get("iso3").asText().equals(iso3)) {
          return row;
        }
      }
    }
    throw new AssertionError("no row " + iso3 + " in " + progress);
  }

  private static JsonNode track(JsonNode progress, String key) {
    for (JsonNode track : progress.get("tracks")) {
      if (track.get("key").asText().equals(key)) {
        return track;
      }
    }
    throw new AssertionError("no track " + key);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(field == null ? n.asText() : n.get(field).asText()));
    return values;
  }

  @Test
  void coordinatorSeesEveryRegionTrackAndOverdueTask() {
    JsonNode board = progress("hld-coordinator");
    assertThat(board.get("state").asText()).isEqualTo("running");
    assertThat(texts(board.get("regionalOffices"), null)).containsExactlyInAnyOrder("ro-bangkok", "ro-nairobi",
        "ro-sanjose");
    JsonNode countdown = board.get("countdown");
    assertThat(countdown.get("hldDate").asText()).isEqualTo(cycle.hldDate.toString());
    // Days count in the cycle's zone (Geneva's), whatever the zone of this JVM.
    assertThat(board.get("timeZone").asText()).isEqualTo(CycleDays.ZONE.getId());
    assertThat(board.get("today").asText()).isEqualTo(CycleDays.today().toString());
    assertThat(countdown.get("daysToHld").asLong())
        .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(CycleDays.today(), cycle.hldDate));
    assertThat(countdown.get("nextDeadlines")).hasSize(5);
    assertThat(countdown.get("nextDeadlines").get(0).get("date").asText())
        .isLessThanOrEqualTo(countdown.get("nextDeadlines").get(4).get("date").asText());

    JsonNode consultations = track(board, "national-consultation");
    assertThat(consultations.get("name").asText()).isEqualTo("National consultation");
    assertThat(consultations.get("total").asInt()).isEqualTo(4);
    assertThat(consultations.get("ended").asInt()).isEqualTo(1);
    assertThat(consultations.get("percentDone").asInt()).isEqualTo(25);
    assertThat(consultations.get("late").asInt()).isEqualTo(1);
    assertThat(consultations.get("byOutcome").get("declined").asInt()).isEqualTo(1);
    assertThat(texts(board.get("tracks"), "key")).contains("rcp-contribution", "council-joint-statement",
        "pga-outcome-input");
    assertThat(texts(track(board, "council-joint-statement").get("instances"), "code"))
        .containsExactly("council-joint-statement");

    JsonNode philippines = row(board, "PHL");
    assertThat(philippines.get("regionalOffice").asText()).isEqualTo("ro-bangkok");
    assertThat(texts(philippines.get("heldBy"), null)).containsExactly("ro-bangkok");
    assertThat(philippines.get("late").asBoolean()).isFalse();
    JsonNode kenya = row(board, "KEN");
    assertThat(kenya.get("currentStep").asText()).isEqualTo("Offer the briefing and consultation to the government");
    assertThat(texts(kenya.get("heldBy"), null)).containsExactly("co-ken");
    assertThat(kenya.get("late").asBoolean()).isTrue();
    assertThat(kenya.get("daysOverdue").asInt()).isEqualTo(MidCourseCycle.KENYA_DAYS_OVERDUE);
    assertThat(kenya.get("dueDate").asText()).isEqualTo(CycleDays.today().minusDays(MidCourseCycle.KENYA_DAYS_OVERDUE)
        .toString());
    JsonNode mexico = row(board, "MEX");
    assertThat(mexico.get("state").asText()).isEqualTo("ended");
    assertThat(mexico.get("outcome").asText()).isEqualTo("declined");

    assertThat(board.get("overdue")).hasSize(1);
    JsonNode overdue = board.get("overdue").get(0);
    assertThat(overdue.get("iso3").asText()).isEqualTo("KEN");
    assertThat(texts(overdue.get("office"), null)).containsExactly("co-ken");
    assertThat(overdue.get("daysOverdue").asInt()).isEqualTo(MidCourseCycle.KENYA_DAYS_OVERDUE);
  }

  @Test
  void governingBodiesAndTheDirectorGeneralReadTheSameBoard() {
    JsonNode coordinator = progress("hld-coordinator");
    for (String reader : List.of("council-secretary", "director-general", "admin")) {
      JsonNode board = progress(reader);
      assertThat(board.get("tracks")).as(reader).isEqualTo(coordinator.get("tracks"));
      assertThat(board.get("regions")).as(reader).isEqualTo(coordinator.get("regions"));
      assertThat(texts(as(reader).get("/api/cycles").json(), "cycle")).as(reader).contains(cycle.cycle);
    }
  }

  @Test
  void aRegionalOfficeSeesItsRegionOnlyAndGets403ForAnother() {
    JsonNode board = progress("bangkok-ro");
    assertThat(texts(board.get("regionalOffices"), null)).containsExactly("ro-bangkok");
    assertThat(board.get("regions")).hasSize(1);
    assertThat(texts(board.get("regions").get(0).get("rows"), "iso3")).containsExactlyInAnyOrder("PHL", "THA");
    assertThat(texts(board.get("tracks"), "key")).containsExactly("national-consultation");
    assertThat(track(board, "national-consultation").get("total").asInt()).isEqualTo(2);
    assertThat(board.get("overdue")).as("Kenya's overdue offer is Nairobi's").isEmpty();
    assertThat(board.get("cycleSteps")).isEmpty();

    assertThat(as("nairobi-ro").get(base + "/progress").json().get("overdue")).hasSize(1);
    assertThat(as("bangkok-ro").get(base + "/progress?regionalOffice=ro-nairobi").status()).isEqualTo(403);
    assertThat(as("bangkok-ro").get(base + "/progress?regionalOffice=ro-bangkok").status()).isEqualTo(200);
    assertThat(as("bangkok-ro").get(base + "/progress?regionalOffice=ro-nowhere").status()).isEqualTo(400);
    assertThat(as("bangkok-ro").get(base + "/countries/KEN/timeline").status()).isEqualTo(403);
    assertThat(as("bangkok-ro").get(base + "/countries/KEN/timeline.csv").status()).isEqualTo(403);
    assertThat(as("bangkok-ro").get(base + "/tracks/KEN/timeline").status()).isEqualTo(403);
    assertThat(as("bangkok-ro").get(base + "/tracks/council-joint-statement/timeline").status()).isEqualTo(403);
    assertThat(as("bangkok-ro").get(base + "/countries.csv?regionalOffice=ro-sanjose").status()).isEqualTo(403);
    assertThat(as("bangkok-ro").get(base + "/countries/PHL/timeline").status()).isEqualTo(200);

    assertThat(texts(as("bangkok-ro").get("/api/cycles").json(), "cycle")).contains(cycle.cycle);
    assertThat(texts(as("dakar-ro-progress").get("/api/cycles").json(), "cycle"))
        .as("no country of Dakar's region in the cycle").doesNotContain(cycle.cycle);
    Http.Response dakar = as("dakar-ro-progress").get(base + "/progress");
    assertThat(dakar.status()).as("nor its calendar").isEqualTo(403);
    assertThat(dakar.json().get("detail").asText()).isEqualTo("Cycle " + cycle.cycle
        + " includes no country of ro-dakar; you may read the cycles of your region only");
  }

  @Test
  void countryOfficesAndOtherUnitsGet403AndStrangers401() {
    for (String user : List.of("phl-officer", "policy-drafter", "phl-mission")) {
      for (String path : List.of("/api/cycles", base + "/progress", base + "/countries.csv", base + "/countries.xlsx",
          base + "/countries/PHL/timeline", base + "/countries/PHL/timeline.csv", base + "/tracks/PHL/timeline")) {
        assertThat(as(user).get(path).status()).as(user + " " + path).isEqualTo(403);
      }
    }
    assertThat(Http.anonymous(port).get(base + "/progress").status()).isEqualTo(401);
    assertThat(as("hld-coordinator").get("/api/cycles/NOSUCHCYCLE/progress").status()).isEqualTo(404);
    assertThat(as("hld-coordinator").get(base + "/countries/XKX/timeline").status()).isEqualTo(400);
    assertThat(as("hld-coordinator").get(base + "/countries/FRA/timeline").status()).isEqualTo(404);
    assertThat(as("hld-coordinator").get(base + "/tracks/no-such-track/timeline").status()).isEqualTo(404);
  }

  @Test
  void timelineSaysWhoDidWhatWhenWithTheSummaryLinked() throws IOException {
    JsonNode timeline = as("bangkok-ro").get(base + "/countries/PHL/timeline").json();
    assertThat(timeline.get("items").get(0).get("track").asText()).isEqualTo("national-consultation");
    JsonNode entries = timeline.get("entries");
    JsonNode offer = entry(entries, "Task_OfferConsultation");
    assertThat(offer.get("by").asText()).isEqualTo("phl-officer");
    assertThat(offer.hasNonNull("ended")).isTrue();
    JsonNode record = entry(entries, "Task_RecordConsultation");
    assertThat(record.get("by").asText()).isEqualTo("phl-officer");
    assertThat(record.get("documents").get(0).get("name").asText()).isEqualTo("summaryLink");
    assertThat(record.get("documents").get(0).get("url").asText()).isEqualTo(MidCourseCycle.PHILIPPINES_SUMMARY);
    JsonNode review = entry(entries, "Task_ReviewNationalSummary");
    assertThat(review.hasNonNull("ended")).isFalse();
    assertThat(texts(review.get("heldBy"), null)).containsExactly("ro-bangkok");

    Http.Response csv = as("bangkok-ro").get(base + "/countries/PHL/timeline.csv");
    assertThat(csv.status()).isEqualTo(200);
    List<CSVRecord> records = parse(csv.body());
    assertThat(records).hasSize(entries.size());
    CSVRecord recorded = records.stream().filter(r -> r.get("Step").equals(record.get("step").asText()))
        .findFirst().orElseThrow();
    assertThat(recorded.get("By")).isEqualTo("phl-officer");
    assertThat(recorded.get("Documents")).isEqualTo("summaryLink: " + MidCourseCycle.PHILIPPINES_SUMMARY);

    JsonNode statement = as("council-secretary").get(base + "/tracks/council-joint-statement/timeline").json();
    assertThat(texts(statement.get("entries"), "activityId")).contains("Task_ConstituteFriendsOfTheChair");
    assertThat(as("hld-coordinator").get(base + "/tracks/council-joint-statement/timeline.csv").status())
        .isEqualTo(200);
  }

  private static JsonNode entry(JsonNode entries, String activityId) {
    for (JsonNode entry : entries) {
      if (activityId.equals(entry.path("activityId").asText())) {
        return entry;
      }
    }
    throw new AssertionError("no " + activityId + " in " + entries);
  }

  @Test
  void csvExportReadBackMatchesTheApi() throws IOException {
    for (String user : List.of("hld-coordinator", "bangkok-ro")) {
      JsonNode board = progress(user);
      Http.Response csv = as(user).get(base + "/countries.csv");
      assertThat(csv.status()).isEqualTo(200);
      List<CSVRecord> records = parse(csv.body());
      List<JsonNode> rows = rows(board);
      assertThat(records).as(user).hasSize(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        JsonNode row = rows.get(i);
        CSVRecord record = records.get(i);
        assertThat(record.get("ISO3")).isEqualTo(row.get("iso3").asText());
        assertThat(record.get("Regional Office")).isEqualTo(row.get("regionalOffice").asText());
        assertThat(record.get("State")).isEqualTo(row.get("state").asText());
        assertThat(record.get("Current step")).isEqualTo(row.path("currentStep").asText(""));
        assertThat(record.get("Held by")).isEqualTo(String.join(" ", texts(row.get("heldBy"), null)));
        assertThat(record.get("Due date")).isEqualTo(row.path("dueDate").asText(""));
        assertThat(record.get("Late")).isEqualTo(row.get("late").asBoolean() ? "yes" : "no");
        assertThat(record.get("Days overdue")).isEqualTo(row.path("daysOverdue").asText(""));
        assertThat(record.get("Outcome")).isEqualTo(row.path("outcome").asText(""));
      }
    }
    assertThat(parse(as("bangkok-ro").get(base + "/countries.csv").body()).stream().map(r -> r.get("ISO3")))
        .containsExactlyInAnyOrder("PHL", "THA");
  }

  @Test
  void excelExportIsARealWorkbookWithTypedCellsMatchingTheApi() throws IOException {
    JsonNode board = progress("hld-coordinator");
    byte[] workbook = bytes("hld-coordinator", base + "/countries.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      XSSFSheet sheet = book.getSheetAt(0);
      Row header = sheet.getRow(0);
      Map<String, Integer> columns = new LinkedHashMap<>();
      header.forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
      assertThat(columns.keySet()).containsExactlyElementsOf(org.hldprep.board.ProgressExports.COUNTRY_COLUMNS);
      assertThat(sheet.getCTWorksheet().getAutoFilter()).as("autofilter").isNotNull();
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:K");
      List<JsonNode> rows = rows(board);
      assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        JsonNode row = rows.get(i);
        Row line = sheet.getRow(i + 1);
        assertThat(line.getCell(columns.get("ISO3")).getStringCellValue()).isEqualTo(row.get("iso3").asText());
        assertThat(line.getCell(columns.get("State")).getStringCellValue()).isEqualTo(row.get("state").asText());
        assertThat(line.getCell(columns.get("Late")).getBooleanCellValue()).isEqualTo(row.get("late").asBoolean());
        Cell due = line.getCell(columns.get("Due date"));
        if (row.hasNonNull("dueDate")) {
          assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
          assertThat(DateUtil.isCellDateFormatted(due)).as("a date cell").isTrue();
          assertThat(due.getLocalDateTimeCellValue().toLocalDate().toString()).isEqualTo(row.get("dueDate").asText());
        }
        Cell overdue = line.getCell(columns.get("Days overdue"));
        if (row.hasNonNull("daysOverdue")) {
          assertThat(overdue.getNumericCellValue()).isEqualTo(row.get("daysOverdue").asDouble());
        }
      }
    }
  }

  @Test
  void openApiDocumentsTheApiAndSwaggerUiIsForAdministrators() {
    Http.Response docs = as("phl-officer").get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.json().get("paths");
    assertThat(paths.has("/api/cycles/{cycle}/progress")).isTrue();
    assertThat(paths.has("/api/cycles/{cycle}/countries.xlsx")).isTrue();
    assertThat(paths.has("/api/cycles/{cycle}/countries/{iso3}/timeline")).isTrue();
    assertThat(paths.has("/api/cycles/{cycle}/tracks/{code}/timeline.csv")).isTrue();
    assertThat(paths.has("/api/reference/member-states")).isTrue();
    assertThat(docs.json().get("components").get("schemas").get("CycleProgress").get("properties").has("countdown"))
        .isTrue();
    assertThat(Http.anonymous(port).get("/v3/api-docs").status()).isEqualTo(401);
    assertThat(as("hld-coordinator").get("/swagger-ui/index.html").status()).isEqualTo(403);
    assertThat(Http.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(401);
    assertThat(as("admin").get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void theWebappsSessionReadsTheApiButWritesNothing() throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String root = "http://localhost:" + port;
    // As Cockpit does: its first read of the webapps' API opens the session and hands out the CSRF token.
    client.send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = ((java.net.CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
        URI.create(root + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=bangkok-ro&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.body()).contains("cockpit");

    java.util.function.Supplier<String> session = () -> ((java.net.CookieManager) client.cookieHandler().orElseThrow())
        .getCookieStore().getCookies().stream().filter(c -> c.getName().equals(WebappSession.SESSION_COOKIE))
        .findFirst().orElseThrow()
        .getValue();
    String sessionId = session.get();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(root + base + "/progress")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(read.statusCode()).as("read %d with the session: %s", i, read.body()).isEqualTo(200);
      assertThat(read.body()).contains("\"ro-bangkok\"").doesNotContain("\"KEN\"");
    }
    assertThat(session.get()).as("reading /api keeps Cockpit's session id (no fixation-protection rotation)")
        .isEqualTo(sessionId);
    HttpResponse<String> other = client.send(HttpRequest.newBuilder(
        URI.create(root + base + "/countries/KEN/timeline")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(403);
    HttpResponse<String> write = client.send(HttpRequest.newBuilder(URI.create(root + "/api/cycles"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("{\"cycle\":\"HLDNOPE\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).as("no write with the session cookie").isEqualTo(401);
    HttpResponse<String> engineRest = client.send(HttpRequest.newBuilder(
        URI.create(root + "/engine-rest/process-instance?businessKey=" + cycle.cycle)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(engineRest.statusCode()).as("the engine's REST API keeps HTTP Basic").isEqualTo(401);
    // Cockpit access shows the Regional Office no instance of the cycle
    HttpResponse<String> instances = client.send(HttpRequest.newBuilder(URI.create(root
        + "/camunda/api/engine/engine/default/process-instance?maxResults=10&businessKey=" + cycle.cycle)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(instances.statusCode()).isEqualTo(200);
    assertThat(instances.body()).isEqualTo("[]");
  }

  @Test
  void cockpitServesThePluginAndNoMigrationBanner() {
    Http anonymous = Http.anonymous(port);
    assertThat(anonymous.get("/camunda/app/cockpit/scripts/config.js").body()).contains("scripts/hld-progress/plugin");
    assertThat(anonymous.get("/camunda/app/cockpit/scripts/hld-progress/plugin.js").body())
        .contains("'hld-progress'", "cockpit.route", "cockpit.navigation", "/api/cycles");
    for (String app : List.of("cockpit", "tasklist", "admin", "welcome")) {
      assertThat(anonymous.get("/camunda/app/" + app + "/styles/user-styles.css").body()).as(app)
          .contains(".ce-eol-banner").contains("display: none");
    }
  }

  private static List<JsonNode> rows(JsonNode board) {
    List<JsonNode> rows = new ArrayList<>();
    board.get("regions").forEach(r -> r.get("rows").forEach(rows::add));
    return rows;
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(csv),
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
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
