package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.platform.input.InputParser;
import org.springframework.stereotype.Component;

/**
 * The outcome of the Dialogue, before the report to the Council: what HldConcluded brought (its UN
 * document symbol checked, e.g. A/RES/68/4; a bad one refuses the message with a 400 naming it and the
 * wait goes on, since this step runs in the correlation's transaction), or, when the report's start
 * date came without it, that none was received, so that the report names the outcome itself. Either way
 * {@value HldPreparationProcess#HLD_OUTCOME_SUMMARY} says it in one line for the report's form.
 */
@Component("recordHldOutcomeDelegate")
public class RecordHldOutcomeDelegate implements JavaDelegate {

  /** A UN document symbol: a series and its parts separated by slashes (A/RES/68/4, A/68/L.5). */
  public static final String UN_SYMBOL_REGEX = "[A-Z]{1,10}(/[A-Za-z0-9.()-]{1,20}){1,6}";
  public static final Pattern UN_SYMBOL = Pattern.compile(UN_SYMBOL_REGEX);
  /** A link to a document: an http(s) address. */
  public static final String LINK_REGEX = "https?://\\S{1,2000}";
  public static final Pattern LINK = Pattern.compile(LINK_REGEX);

  @Override
  public void execute(DelegateExecution execution) {
    Object symbol = execution.getVariable(HLD_OUTCOME_SYMBOL);
    if (InputParser.blank(symbol)) {
      execution.setVariable(HLD_OUTCOME, HLD_OUTCOME_NOT_RECEIVED);
      execution.setVariable(HLD_OUTCOME_SUMMARY, "Not received by " + execution.getVariable(
          CycleCalendar.COUNCIL_REPORT_START_DATE) + " (no HldConcluded): name the outcome in the report");
      return;
    }
    String text = symbol.toString().trim();
    if (!UN_SYMBOL.matcher(text).matches()) {
      throw new BadUserRequestException("The message variable '" + HLD_OUTCOME_SYMBOL
          + "' must be a UN document symbol such as A/RES/68/4, got '" + shorten(text) + "'");
    }
    execution.setVariable(HLD_OUTCOME_SYMBOL, text);
    execution.setVariable(HLD_OUTCOME, HLD_CONCLUDED);
    Object title = execution.getVariable(HLD_OUTCOME_TITLE);
    Object link = execution.getVariable(HLD_OUTCOME_LINK);
    if (!InputParser.blank(link) && !LINK.matcher(link.toString().trim()).matches()) {
      throw new BadUserRequestException(
          "The message variable '" + HLD_OUTCOME_LINK + "' must be an http(s) address, got '"
              + shorten(link.toString()) + "'");
    }
    execution.setVariable(HLD_OUTCOME_SUMMARY, text + (InputParser.blank(title) ? "" : " – " + title.toString().trim())
        + (InputParser.blank(link) ? "" : " (" + link.toString().trim() + ")"));
  }

  private static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
