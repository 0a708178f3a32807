package org.hldprep.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hldprep.board.ProgressViews.CountryRow;
import org.hldprep.board.ProgressViews.CycleProgress;
import org.hldprep.board.ProgressViews.Timeline;
import org.hldprep.board.ProgressViews.TimelineEntry;
import org.hldprep.board.ProgressViews.TrackProgress;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.platform.api.ForbiddenException;
import org.hldprep.reference.ReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The progress figures on an engine of their own (H2 in memory, every SQL statement counted), over
 * test models built here: a master {@code hld-preparation} that calls one country process per
 * Member State and one further track of a key no production code knows. So the board is shown to be
 * generic over the models, and bounded in queries: a cycle of 12 countries costs as many statements as
 * a cycle of 2.
 */
class ProgressServiceTest {

  private static final AtomicInteger STATEMENTS = new AtomicInteger();
  private static final ReferenceData REFERENCE = ReferenceData.get();
  private static final BoardScope COORDINATOR = BoardScope.of(List.of("iom-icp"), REFERENCE);
  private static final BoardScope BANGKOK = BoardScope.of(List.of("ro-bangkok"), REFERENCE);
  private static final LocalDate HLD = LocalDate.now().plusMonths(9);

  private static ProcessEngine engine;
  private static ProgressService progress;

  @BeforeAll
  static void engine() {
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:board-tests;DB_CLOSE_DELAY=-1", "sa", "");
    DataSource counting = counting(pool);
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("board-tests");
    configuration.setDataSource(counting);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("board-tests")
        .addModelInstance("hld-preparation.bpmn", master())
        .addModelInstance("board-test-country.bpmn", country())
        .addModelInstance("board-test-paper.bpmn", paper())
        .deploy();
    progress = new ProgressService(engine.getHistoryService(), engine.getTaskService(),
        engine.getManagementService(), engine.getIdentityService(), new JdbcTemplate(counting), REFERENCE,
        ZoneId.of(CycleCalendar.DEFAULT_TIME_ZONE));
  }

  @AfterAll
  static void close() {
    ClockUtil.reset();
    engine.close();
  }

  /** A master like the real one in shape: countries in a multi-instance call, another track, a task of its own. */
  private static BpmnModelInstance master() {
    BpmnModelInstance master = Bpmn.createExecutableProcess("hld-preparation").name("Test master")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Cycle").parallelGateway("Gateway_Fork")
        .callActivity("CallActivity_Countries").name("Run the countries").calledElement("board-test-country")
        .camundaIn("countryCode", "countryCode").camundaIn("cycle", "cycle")
        .camundaIn("nationalSummaryDeadline", "nationalSummaryDeadline")
        .multiInstance().camundaCollection("${memberStates}").camundaElementVariable("countryCode").parallel()
        .multiInstanceDone()
        .parallelGateway("Gateway_Join").endEvent("EndEvent_Cycle")
        .moveToNode("Gateway_Fork").callActivity("CallActivity_Paper").name("Write the paper")
        .calledElement("board-test-paper").camundaIn("cycle", "cycle").connectTo("Gateway_Join")
        .moveToNode("Gateway_Fork").userTask("Task_ReportToCouncil").name("Report to the Council")
        .camundaCandidateGroups("iom-icp-gb").camundaDueDate("${councilReportDeadline}").connectTo("Gateway_Join")
        .done();
    businessKey(master, "CallActivity_Countries", "${cycle}-${countryCode}");
    businessKey(master, "CallActivity_Paper", "${cycle}-board-test-paper");
    return master;
  }

  /** The children's business keys, {@code <cycle>-<code>}, as the real master gives them. */
  private static void businessKey(BpmnModelInstance model, String callActivityId, String expression) {
    CallActivity call = model.getModelElementById(callActivityId);
    CamundaIn in = model.newInstance(CamundaIn.class);
    in.setCamundaBusinessKey(expression);
    call.getExtensionElements().addChildElement(in);
  }

  /** One country: offer (Country Office), then review (Regional Office) or declined. */
  private static BpmnModelInstance country() {
    return Bpmn.createExecutableProcess("board-test-country").name("Test country consultation")
        .camundaHistoryTimeToLive(1).startEvent("StartEvent_Country")
        .userTask("Task_Offer").name("Offer the consultation")
        .camundaCandidateGroups("${'co-'.concat(countryCode.toLowerCase())}")
        .camundaDueDate("${nationalSummaryDeadline}")
        .exclusiveGateway("Gateway_Answer").name("Accepted?")
        .condition("declined", "${answer == 'declined'}").endEvent("EndEvent_Declined").name("Declined")
        .moveToNode("Gateway_Answer").condition("accepted", "${answer != 'declined'}")
        .userTask("Task_Review").name("Review the summary").camundaCandidateGroups("${regionalOffice}")
        .endEvent("EndEvent_Reviewed").name("Reviewed")
        .done();
  }

  /** A track of a key the board has never heard of: it must appear by itself. */
  private static BpmnModelInstance paper() {
    return Bpmn.createExecutableProcess("board-test-paper").name("Test paper").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Paper").receiveTask("Task_AwaitEndorsement").name("Await the endorsement")
        .endEvent("EndEvent_Paper").done();
  }

  private static String startCycle(String cycle, List<String> countries) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("cycle", cycle);
    variables.put("memberStates", countries);
    variables.put("regionalOffices", countries.stream().map(c -> REFERENCE.requireMemberState(c).regionalOffice())
        .distinct().toList().toString());
    variables.put("hldDate", HLD.toString());
    variables.put("nationalSummaryDeadline", HLD.minusMonths(4).toString());
    variables.put("rcpInputDeadline", HLD.minusMonths(5).toString());
    variables.put("councilReportDeadline", HLD.plusMonths(1).toString());
    variables.put("zeroDraftDeadline", LocalDate.now().minusDays(3).toString());
    String id = engine.getRuntimeService().startProcessInstanceByKey("hld-preparation", cycle, variables).getId();
    // what the real start listeners and routing add: each child's Regional Office
    for (String country : countries) {
      String child = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(cycle + "-" + country).singleResult().getId();
      engine.getRuntimeService().setVariable(child, "regionalOffice",
          REFERENCE.requireMemberState(country).regionalOffice());
    }
    return id;
  }

  private static Task task(String cycle, String country, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(cycle + "-" + country)
        .taskDefinitionKey(taskKey).singleResult();
  }

  private static void completeAs(String user, List<String> groups, Task task, Map<String, Object> values) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static int statements(Runnable work) {
    int before = STATEMENTS.get();
    work.run();
    return STATEMENTS.get() - before;
  }

  @Test
  void statementsDoNotGrowWithTheNumberOfCountries() {
    startCycle("BOARDS", List.of("PHL", "KEN"));
    startCycle("BOARDL", List.of("PHL", "KEN", "MEX", "THA", "VNM", "IDN", "IND", "BGD", "NPL", "LKA", "UGA", "TZA"));
    progress.progress("BOARDS", COORDINATOR, null); // warm-up: definitions cached by the engine
    int small = statements(() -> progress.progress("BOARDS", COORDINATOR, null));
    int large = statements(() -> progress.progress("BOARDL", COORDINATOR, null));
    int largeRegion = statements(() -> progress.progress("BOARDL", BANGKOK, null));
    assertThat(large).as("statements for 12 countries vs 2 (%d)", small).isEqualTo(small);
    assertThat(largeRegion).isEqualTo(small);
    assertThat(small).as("a handful of statements per board").isLessThanOrEqualTo(10);
    assertThat(progress.progress("BOARDL", COORDINATOR, null).regions().stream()
        .mapToInt(r -> r.rows().size()).sum()).isEqualTo(12);
  }

  @Test
  void boardShowsEachCountrysStepHolderDueDateLatenessAndOutcome() {
    startCycle("BOARDA", List.of("PHL", "KEN", "MEX", "THA"));
    completeAs("phl-officer", List.of("co-phl"), task("BOARDA", "PHL", "Task_Offer"),
        Map.of("answer", "accepted", "summaryLink", "https://docs.example/phl-summary"));
    completeAs("mex-officer", List.of("co-mex"), task("BOARDA", "MEX", "Task_Offer"),
        Map.of("answer", "declined", "outcome", "declined"));
    Task kenya = task("BOARDA", "KEN", "Task_Offer");
    kenya.setDueDate(Date.from(LocalDate.now().minusDays(4).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    engine.getTaskService().saveTask(kenya);

    CycleProgress board = progress.progress("BOARDA", COORDINATOR, null);
    assertThat(board.regionalOffices()).containsExactly("ro-nairobi", "ro-sanjose", "ro-bangkok");
    CountryRow philippines = row(board, "PHL");
    assertThat(philippines.currentStep()).isEqualTo("Review the summary");
    assertThat(philippines.heldBy()).containsExactly("ro-bangkok");
    assertThat(philippines.late()).isFalse();
    assertThat(philippines.code()).isEqualTo("PHL");
    CountryRow kenyaRow = row(board, "KEN");
    assertThat(kenyaRow.heldBy()).containsExactly("co-ken");
    assertThat(kenyaRow.late()).isTrue();
    assertThat(kenyaRow.daysOverdue()).isEqualTo(4);
    assertThat(kenyaRow.dueDate()).isEqualTo(LocalDate.now().minusDays(4));
    CountryRow mexico = row(board, "MEX");
    assertThat(mexico.state()).isEqualTo("ended");
    assertThat(mexico.outcome()).isEqualTo("declined");
    assertThat(mexico.currentStep()).isNull();
    assertThat(row(board, "THA").dueDate()).isEqualTo(HLD.minusMonths(4));

    TrackProgress countries = track(board, "board-test-country");
    assertThat(countries.name()).isEqualTo("Test country consultation");
    assertThat(countries.total()).isEqualTo(4);
    assertThat(countries.ended()).isEqualTo(1);
    assertThat(countries.percentDone()).isEqualTo(25);
    assertThat(countries.late()).isEqualTo(1);
    assertThat(countries.byOutcome()).containsExactly(Map.entry("declined", 1));
    assertThat(track(board, "board-test-paper").name()).as("a model the code does not know").isEqualTo("Test paper");

    assertThat(board.overdue()).singleElement().satisfies(o -> {
      assertThat(o.iso3()).isEqualTo("KEN");
      assertThat(o.office()).containsExactly("co-ken");
      assertThat(o.daysOverdue()).isEqualTo(4);
      assertThat(o.name()).isEqualTo("Offer the consultation");
    });
    assertThat(board.cycleSteps()).extracting(s -> s.name()).containsExactly("Report to the Council");
    assertThat(board.countdown().hldDate()).isEqualTo(HLD);
    assertThat(board.countdown().nextDeadlines()).extracting(d -> d.key())
        .as("future dates only, soonest first, the HLD itself apart")
        .containsExactly("rcpInputDeadline", "nationalSummaryDeadline", "councilReportDeadline");
    assertThat(board.countdown().nextDeadlines().get(0).label()).isEqualTo("RCP input deadline");
  }

  @Test
  void aRegionalOfficeSeesItsRegionOnlyAndNoOtherCountrysTimeline() {
    startCycle("BOARDR", List.of("PHL", "THA", "KEN"));
    Task kenya = task("BOARDR", "KEN", "Task_Offer");
    kenya.setDueDate(Date.from(LocalDate.now().minusDays(2).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    engine.getTaskService().saveTask(kenya);

    CycleProgress board = progress.progress("BOARDR", BANGKOK, null);
    assertThat(board.regionalOffices()).containsExactly("ro-bangkok");
    assertThat(board.regions()).singleElement().satisfies(r -> assertThat(r.rows())
        .extracting(CountryRow::iso3).containsExactlyInAnyOrder("PHL", "THA"));
    assertThat(board.tracks()).extracting(TrackProgress::key).containsExactly("board-test-country");
    assertThat(board.overdue()).as("Kenya's overdue task is Nairobi's business").isEmpty();
    assertThat(board.cycleSteps()).as("the master's own steps are not the region's").isEmpty();

    assertThatThrownBy(() -> progress.countryTimeline("BOARDR", "KEN", BANGKOK))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("ro-nairobi");
    assertThatThrownBy(() -> progress.progress("BOARDR", BANGKOK, "ro-nairobi"))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> progress.trackTimeline("BOARDR", "KEN", BANGKOK))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> progress.trackTimeline("BOARDR", "board-test-paper", BANGKOK))
        .isInstanceOf(ForbiddenException.class);
    assertThat(progress.progress("BOARDR", COORDINATOR, "ro-nairobi").regions()).singleElement()
        .satisfies(r -> assertThat(r.regionalOffice()).isEqualTo("ro-nairobi"));
    assertThat(progress.cycles(BANGKOK)).extracting(c -> c.cycle()).contains("BOARDR");
    assertThatThrownBy(() -> BoardScope.of(List.of("co-phl"), REFERENCE)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aRegionalOfficeReadsNothingOfACycleWithoutItsRegion() {
    startCycle("BOARDK", List.of("KEN"));

    for (String region : java.util.Arrays.asList(null, "ro-bangkok")) {
      assertThatThrownBy(() -> progress.progress("BOARDK", BANGKOK, region)).as("region " + region)
          .isInstanceOf(ForbiddenException.class)
          .hasMessage("Cycle BOARDK includes no country of ro-bangkok; you may read the cycles of your region only");
    }
    assertThat(progress.cycles(BANGKOK)).extracting(c -> c.cycle()).doesNotContain("BOARDK");
    assertThat(progress.progress("BOARDK", COORDINATOR, null).countdown().hldDate()).isEqualTo(HLD);
    assertThat(progress.progress("BOARDK", BoardScope.of(List.of("ro-nairobi"), REFERENCE), null).regions())
        .singleElement().satisfies(r -> assertThat(r.regionalOffice()).isEqualTo("ro-nairobi"));
  }

  @Test
  void timelineSaysWhoDidWhatWhenWithTheDocumentsLinked() {
    startCycle("BOARDT", List.of("PHL"));
    completeAs("phl-officer", List.of("co-phl"), task("BOARDT", "PHL", "Task_Offer"),
        Map.of("answer", "accepted", "summaryLink", "https://docs.example/phl-summary"));

    Timeline timeline = progress.countryTimeline("BOARDT", "phl", BANGKOK);
    assertThat(timeline.items()).singleElement().satisfies(i -> assertThat(i.track()).isEqualTo("board-test-country"));
    TimelineEntry offer = entry(timeline, "Task_Offer");
    assertThat(offer.by()).isEqualTo("phl-officer");
    assertThat(offer.ended()).isNotNull();
    assertThat(offer.documents()).singleElement()
        .satisfies(d -> assertThat(d.url()).isEqualTo("https://docs.example/phl-summary"));
    TimelineEntry review = entry(timeline, "Task_Review");
    assertThat(review.ended()).isNull();
    assertThat(review.heldBy()).containsExactly("ro-bangkok");
    assertThat(progress.trackTimeline("BOARDT", "board-test-paper", COORDINATOR).entries())
        .extracting(TimelineEntry::activityId).contains("Task_AwaitEndorsement");
  }

  private static TimelineEntry entry(Timeline timeline, String activityId) {
    return timeline.entries().stream().filter(e -> activityId.equals(e.activityId())).findFirst().orElseThrow();
  }

  private static CountryRow row(CycleProgress board, String iso3) {
    return board.regions().stream().flatMap(r -> r.rows().stream()).filter(r -> r.iso3().equals(iso3))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + iso3));
  }

  private static TrackProgress track(CycleProgress board, String key) {
    return board.tracks().stream().filter(t -> t.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no track " + key));
  }

  /** Counts every SQL statement prepared or created on the engine's connections. */
  private static DataSource counting(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(method, target, args);
          return result instanceof Connection connection ? countingConnection(connection) : result;
        });
  }

  private static Connection countingConnection(Connection target) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
        (proxy, method, args) -> {
          if (Set.of("prepareStatement", "prepareCall", "createStatement").contains(method.getName())) {
            STATEMENTS.incrementAndGet();
          }
          return invoke(method, target, args);
        });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
