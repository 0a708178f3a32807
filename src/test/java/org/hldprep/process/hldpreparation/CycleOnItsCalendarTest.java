package org.hldprep.process.hldpreparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.hldprep.process.ProcessTestSupport.deadline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.process.ProcessTestSupport;
import org.hldprep.process.cebhlcppaper.CebDecisionReceivedListener;
import org.hldprep.process.cebhlcppaper.CebHlcpPaperStartListener;
import org.hldprep.process.cebhlcppaper.HlcpOutcomeReceivedListener;
import org.hldprep.process.counciljointstatement.CheckSessionNoticeDelegate;
import org.hldprep.process.counciljointstatement.CheckSilenceWindowListener;
import org.hldprep.process.counciljointstatement.CouncilJointStatementStartListener;
import org.hldprep.process.counciljointstatement.RecordObjectionDelegate;
import org.hldprep.process.counciljointstatement.RecordReadingRoundDelegate;
import org.hldprep.process.globalrcpmeeting.GlobalRcpMeetingStartListener;
import org.hldprep.process.globalrcpmeeting.TakeInRcpInputsDelegate;
import org.hldprep.process.nationalconsultation.NationalConsultationStartListener;
import org.hldprep.process.nyroundtable.NyRoundtableProcess;
import org.hldprep.process.nyroundtable.NyRoundtableStartListener;
import org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputStartListener;
import org.hldprep.process.pgaoutcomeinput.RecordOutcomeDraftListener;
import org.hldprep.process.rcpcontribution.RcpContributionStartListener;
import org.hldprep.process.regionalcommissioninput.CheckSgReportCutOffListener;
import org.hldprep.process.regionalcommissioninput.RegionalCommissionInputStartListener;
import org.hldprep.reference.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cycle with its real children, started with nothing but a future HLD: every timer and every due date
 * of the master and of every child lies after the start and before the end of the Dialogue, a deadline
 * falls due at the end of its day in the cycle's zone (not at midnight UTC), and timers and due dates
 * agree. (Coverage is measured by each model's own test.)
 */
class CycleOnItsCalendarTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage("hld-preparation",
      "national-consultation", "rcp-contribution", "global-rcp-meeting", "council-joint-statement", "pga-outcome-input",
      "ceb-hlcp-paper", "ny-roundtable", "regional-commission-input");

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  private static final LocalDate HLD = TODAY.plusDays(400);
  private String deployment;

  @BeforeEach
  void deployEveryModelWithItsBeans() throws IOException {
    ProcessTestSupport.today(TODAY);
    DeploymentBuilder builder = repositoryService().createDeployment().name("every model");
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        builder.addClasspathResource(file.toString().replace('\\', '/'));
      }
    }
    deployment = builder.deploy().getId();
    ReferenceData data = ProcessTestSupport.referenceData();
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("hldPreparationStartListener", new HldPreparationStartListener(data, new InMemoryCycleNames()));
    Mocks.register("tallyOutcomesDelegate", new TallyOutcomesDelegate());
    Mocks.register("moveDeadlinesDelegate", new MoveDeadlinesDelegate());
    Mocks.register("trackVariableMapping", new TrackVariableMapping());
    Mocks.register("recordTrackOutcomeDelegate", new RecordTrackOutcomeDelegate(data));
    Mocks.register("listOpenConsultationsDelegate", new ListOpenConsultationsDelegate(data));
    Mocks.register("nationalConsultationStartListener", new NationalConsultationStartListener(data));
    Mocks.register("rcpContributionStartListener", new RcpContributionStartListener(data));
    Mocks.register("globalRcpMeetingStartListener", new GlobalRcpMeetingStartListener());
    Mocks.register("takeInRcpInputsDelegate", new TakeInRcpInputsDelegate());
    Mocks.register("councilJointStatementStartListener", new CouncilJointStatementStartListener());
    Mocks.register("checkSilenceWindowListener", new CheckSilenceWindowListener());
    Mocks.register("recordReadingRoundDelegate", new RecordReadingRoundDelegate());
    Mocks.register("recordObjectionDelegate", new RecordObjectionDelegate(data));
    Mocks.register("checkSessionNoticeDelegate", new CheckSessionNoticeDelegate());
    Mocks.register("pgaOutcomeInputStartListener", new PgaOutcomeInputStartListener());
    Mocks.register("recordOutcomeDraftListener", new RecordOutcomeDraftListener());
    Mocks.register("tallyTrackDelegate", new TallyTrackDelegate());
    Mocks.register("recordHldOutcomeDelegate", new RecordHldOutcomeDelegate());
    Mocks.register("cebHlcpPaperStartListener", new CebHlcpPaperStartListener());
    Mocks.register("hlcpOutcomeReceivedListener", new HlcpOutcomeReceivedListener());
    Mocks.register("cebDecisionReceivedListener", new CebDecisionReceivedListener());
    Mocks.register("nyRoundtableStartListener", new NyRoundtableStartListener());
    Mocks.register("regionalCommissionInputStartListener", new RegionalCommissionInputStartListener(data));
    Mocks.register("checkSgReportCutOffListener", new CheckSgReportCutOffListener());
  }

  @AfterEach
  void undeploy() {
    repositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
    ProcessTestSupport.resetClock();
  }

  private static List<String> cycleInstances(ProcessInstance master) {
    List<String> ids = new ArrayList<>(List.of(master.getId()));
    runtimeService().createProcessInstanceQuery().superProcessInstanceId(master.getId()).list()
        .forEach(child -> ids.add(child.getId()));
    return ids;
  }

  @Test
  void onlyAFutureHld_everyTimerAndDueDateLiesAfterTheStartAndBeforeTheEndOfTheHld() {
    Date start = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
    ProcessInstance master = runtimeService().startProcessInstanceByKey(HldPreparationProcess.KEY, "HLD2027",
        Map.of(CycleCalendar.HLD_DATE, HLD.toString(), HldPreparationProcess.MEMBER_STATES, "PHL, KEN",
            HldPreparationProcess.RCPS, "sacm, colombo-process"));
    Map<String, Object> calendar = runtimeService().getVariables(master.getId(), CycleCalendar.keys());
    CycleCalendar.check(CycleCalendar.resolve(calendar));
    Date hldEnd = deadline(calendar.get(CycleCalendar.HLD_END_DATE).toString());
    List<String> instances = cycleInstances(master);
    assertThat(instances).as("master, 2 consultations, 2 RCPs, 4 one-per-cycle tracks, 5 round tables, 5 commissions")
        .hasSize(19);

    List<Job> timers = new ArrayList<>();
    List<Task> tasks = new ArrayList<>();
    for (String instance : instances) {
      timers.addAll(managementService().createJobQuery().processInstanceId(instance).timers().list());
      tasks.addAll(taskService().createTaskQuery().processInstanceId(instance).list());
    }
    assertThat(timers)
        .as("master: briefing, 2 synthesis dates, series report, statement, HLD opens; 18 children: 1 each")
        .hasSize(24);
    assertThat(tasks).as("each child: its first step").hasSize(18);
    assertThat(timers).allSatisfy(job -> assertThat(job.getDuedate()).as(job.getJobDefinitionId())
        .isAfter(start).isBeforeOrEqualTo(hldEnd));
    assertThat(tasks).allSatisfy(task -> assertThat(task.getDueDate()).as(task.getTaskDefinitionKey())
        .isAfter(start).isBefore(deadline(HLD.toString())));
    // In each child, its first step is due before the cut-off that closes it.
    for (Task task : tasks) {
      List<Job> cutOffs = managementService().createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
          .list();
      assertThat(cutOffs).as(task.getTaskDefinitionKey())
          .allSatisfy(cutOff -> assertThat(cutOff.getDuedate()).isAfterOrEqualTo(task.getDueDate()));
    }
  }

  @Test
  void aRoundTableAlreadyHeldWhenTheCycleStarts_isRecordedNotPrepared_theOthersArePrepared() {
    String held = TODAY.minusDays(40).toString();
    String ahead = HLD.minusDays(200).toString();
    ProcessInstance master = runtimeService().startProcessInstanceByKey(HldPreparationProcess.KEY, "HLD2027",
        Map.of(CycleCalendar.HLD_DATE, HLD.toString(), HldPreparationProcess.MEMBER_STATES, "PHL",
            HldPreparationProcess.RCPS, "sacm", CycleCalendar.ROUNDTABLE_DATES, held + "," + ahead));
    ProcessInstance past = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("HLD2027-" + NyRoundtableProcess.code(held)).singleResult();
    ProcessInstance next = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("HLD2027-" + NyRoundtableProcess.code(ahead)).singleResult();
    assertThat(runtimeService().getVariable(past.getId(), NyRoundtableProcess.HELD_BEFORE_CYCLE)).isEqualTo(true);
    assertThat(taskService().createTaskQuery().processInstanceId(past.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(NyRoundtableProcess.TASK_RECORD_PAST_ROUNDTABLE);
    assertThat(runtimeService().getVariable(next.getId(), NyRoundtableProcess.EVENT_DATE)).isEqualTo(ahead);
    assertThat(taskService().createTaskQuery().processInstanceId(next.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(NyRoundtableProcess.TASK_CONFIRM_CO_HOSTS);
    assertThat(runtimeService().getVariable(master.getId(), HldPreparationProcess.OPEN_ROUNDTABLES)).isEqualTo(2);
  }

  @Test
  void aDeadlineFiresAtTheEndOfItsDayInTheCyclesZone_notAtMidnightUtc_andTheTaskIsDueThen() {
    runtimeService().startProcessInstanceByKey(HldPreparationProcess.KEY, "HLD2027",
        Map.of(CycleCalendar.HLD_DATE, HLD.toString(), HldPreparationProcess.MEMBER_STATES, "PHL",
            HldPreparationProcess.RCPS, "sacm"));
    ProcessInstance philippines = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("HLD2027-PHL")
        .singleResult();
    LocalDate deadline = LocalDate.parse(runtimeService().getVariable(philippines.getId(),
        CycleCalendar.GOVERNMENT_RESPONSE_DEADLINE).toString());
    Job answerTimer = managementService().createJobQuery().processInstanceId(philippines.getId())
        .activityId("Timer_NoGovernmentAnswer").singleResult();
    Task offer = taskService().createTaskQuery().processInstanceId(philippines.getId()).singleResult();
    ZoneId geneva = ZoneId.of("Europe/Zurich");

    assertThat(offer.getDueDate()).as("the task is due when its timer fires").isEqualTo(answerTimer.getDuedate());
    assertThat(answerTimer.getDuedate()).isEqualTo(Date.from(deadline.atTime(23, 59, 59).atZone(geneva).toInstant()));
    for (ZonedDateTime notYet : List.of(deadline.atStartOfDay(ZoneId.of("UTC")).plusMinutes(1),
        deadline.atTime(23, 59, 58).atZone(geneva))) {
      ProcessTestSupport.now(notYet.toInstant().toString());
      assertThat(managementService().createJobQuery().jobId(answerTimer.getId()).executable().count())
          .as("not due at " + notYet).isZero();
    }
    ProcessTestSupport.now(deadline.plusDays(1).atStartOfDay(geneva).toInstant().toString());
    assertThat(managementService().createJobQuery().jobId(answerTimer.getId()).executable().count()).isOne();
    managementService().executeJob(answerTimer.getId());
    assertThat(
        taskService().createTaskQuery().processInstanceId(philippines.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_RemindGovernment");
  }

  @Test
  void theGlobalRcpMeeting_takesInTheRcpInputsReceivedByTheMeetingDay() {
    ProcessInstance master = runtimeService().startProcessInstanceByKey(HldPreparationProcess.KEY, "HLD2027",
        Map.of(CycleCalendar.HLD_DATE, HLD.toString(), HldPreparationProcess.MEMBER_STATES, "PHL",
            HldPreparationProcess.RCPS, "sacm, puebla-process"));
    ProcessInstance puebla = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("HLD2027-puebla-process").singleResult();
    ProcessTestSupport.complete(puebla.getId(), "Task_ContactRcpChair", Map.of("rcpInterest", "interested",
        "iomIsSecretariat", false));
    runtimeService().createMessageCorrelation("RcpInputReceived").processInstanceBusinessKey("HLD2027-puebla-process")
        .setVariable("rcpInputLink", "https://docs.example/rcm").correlate();

    ProcessInstance meeting = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("HLD2027-global-rcp-meeting").singleResult();
    managementService().executeJob(managementService().createJobQuery().processInstanceId(meeting.getId())
        .activityId("Timer_PreparationCutOff").singleResult().getId());
    assertThat(runtimeService().getVariable(meeting.getId(), "rcpInputsReceived")).isEqualTo("puebla-process");
    assertThat(runtimeService().getVariable(meeting.getId(), "rcpInputsReceivedCount")).isEqualTo(1);
    assertThat(master.getId()).isNotNull();
  }
}
