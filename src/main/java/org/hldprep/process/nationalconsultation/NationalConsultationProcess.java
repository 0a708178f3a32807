package org.hldprep.process.nationalconsultation;

import java.util.List;
import org.hldprep.calendar.CycleCalendar;

/** Keys, element ids, variables and outcomes of {@code national-consultation} (one Member State). */
public final class NationalConsultationProcess {

  public static final String KEY = "national-consultation";

  public static final String START = "StartEvent_ConsultationRequested";
  public static final String GATEWAY_REOPENED = "Gateway_Reopened";
  /** Interrupting: the consultation is cut off when the regional syntheses are due. */
  public static final String TIMER_CONSULTATION_CUT_OFF = "Timer_ConsultationCutOff";
  public static final String END_OPEN_AT_CUT_OFF = "EndEvent_OpenAtCutOff";
  public static final String TASK_OFFER_CONSULTATION = "Task_OfferConsultation";
  public static final String TASK_REMIND_GOVERNMENT = "Task_RemindGovernment";
  public static final String TASK_AGREE_ARRANGEMENTS = "Task_AgreeArrangements";
  public static final String TIMER_CONSULTATION_DATE = "Timer_ConsultationDate";
  public static final String TASK_RECORD_CONSULTATION = "Task_RecordConsultation";
  public static final String TASK_REVIEW_SUMMARY = "Task_ReviewNationalSummary";
  public static final String TASK_REVISE_SUMMARY = "Task_ReviseNationalSummary";
  public static final String TASK_RESOLVE_ESCALATION = "Task_ResolveEscalatedReview";
  public static final String TASK_FOLLOW_UP_LATE_SUMMARY = "Task_FollowUpLateSummary";
  public static final String TIMER_NO_GOVERNMENT_ANSWER = "Timer_NoGovernmentAnswer";
  public static final String TIMER_NO_ANSWER_AFTER_REMINDER = "Timer_NoAnswerAfterReminder";
  public static final String TIMER_SUMMARY_REMINDER = "Timer_SummaryReminder";
  public static final String TIMER_SUMMARY_OVERDUE = "Timer_SummaryOverdue";
  public static final String END_HELD = "EndEvent_SummaryAccepted";
  public static final String END_HELD_LATE = "EndEvent_SummaryAcceptedLate";
  public static final String END_DECLINED = "EndEvent_Declined";
  public static final String END_DECLINED_AFTER_REMINDER = "EndEvent_DeclinedAfterReminder";
  public static final String END_NO_RESPONSE = "EndEvent_NoResponse";
  public static final String END_NO_RESPONSE_AFTER_REMINDER = "EndEvent_NoResponseAfterReminder";

  /** The calendar dates this process waits on and is due by (CycleCalendar keys), passed by the master. */
  public static final List<String> CALENDAR_KEYS = List.of(CycleCalendar.GOVERNMENT_RESPONSE_DEADLINE,
      CycleCalendar.GOVERNMENT_FINAL_DEADLINE, CycleCalendar.ARRANGEMENTS_DEADLINE,
      CycleCalendar.NATIONAL_SUMMARY_DEADLINE, CycleCalendar.SUMMARY_REMINDER_DATE, CycleCalendar.REVIEW_DEADLINE,
      CycleCalendar.REGIONAL_SYNTHESIS_DEADLINE);

  /** ISO 3166-1 alpha-3 code of the Member State (start variable, required). */
  public static final String COUNTRY_CODE = "countryCode";
  /** Returns by the Regional Office after which the review is escalated to iom-icp (default 2). */
  public static final String MAX_REVIEW_RETURNS = "maxReviewReturns";
  public static final String REVIEW_RETURNS = "reviewReturns";
  public static final int DEFAULT_MAX_REVIEW_RETURNS = 2;
  /** The consultation is reopened after it ended no-response: the government answered late and accepts. */
  public static final String REOPENED = "reopened";

  // Form fields the gateways decide on
  public static final String GOVERNMENT_ANSWER = "governmentAnswer";
  public static final String DECLINE_REASON = "declineReason";
  public static final String CONSULTATION_DATE = "consultationDate";
  public static final String REVIEW_DECISION = "reviewDecision";

  public static final String OUTCOME_HELD = "held";
  public static final String OUTCOME_LATE = "late";
  public static final String OUTCOME_DECLINED = "declined";
  public static final String OUTCOME_NO_RESPONSE = "no-response";
  public static final String OUTCOME_OPEN_AT_CUT_OFF = "open-at-cutoff";

  private NationalConsultationProcess() {
  }
}
