package org.hldprep.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hldprep.board.ProgressViews.CountryRow;
import org.hldprep.board.ProgressViews.CycleProgress;
import org.hldprep.board.ProgressViews.RegionTable;
import org.hldprep.board.ProgressViews.Timeline;
import org.springframework.stereotype.Component;

/**
 * The board's downloads, written from the same figures as the API: the country table as CSV (Apache
 * Commons CSV) and as an Excel workbook (Apache POI: header row, typed date and number cells,
 * autofilter, frozen header), and a timeline as CSV.
 *
 * <p>Every CSV cell is written {@link #inert}: names, steps and assignees come from users, and a
 * spreadsheet must show them, not run them. The workbook needs no such care: POI writes text as
 * string cells, which Excel never evaluates.
 */
@Component
public class ProgressExports {

  /** Columns of the country table, in both the CSV and the workbook. */
  public static final List<String> COUNTRY_COLUMNS = List.of("Regional Office", "ISO3", "Country", "Track",
      "State", "Current step", "Held by", "Due date", "Late", "Days overdue", "Outcome");
  public static final List<String> TIMELINE_COLUMNS = List.of("Started", "Ended", "Track", "Code", "Step",
      "Activity type", "By", "Held by", "Documents");

  // Every cell quoted, as OWASP's CSV injection advice has it, so that no separator in a value starts a new cell.
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setQuoteMode(QuoteMode.ALL).get();
  /** What a spreadsheet evaluates when a cell starts with it (OWASP: =, +, -, @, tab, carriage return). */
  private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\t\r]");
  /** A plain number such as -3 (days): a number to the spreadsheet, not a formula. */
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  public byte[] countriesCsv(CycleProgress progress) {
    return csv(COUNTRY_COLUMNS, rows(progress), row -> List.of(row.regionalOffice(), row.iso3(), row.country(),
        row.track(), row.state(), text(row.currentStep()), String.join(" ", row.heldBy()),
        row.dueDate() == null ? "" : row.dueDate().toString(), row.late() ? "yes" : "no",
        row.daysOverdue() == null ? "" : row.daysOverdue().toString(), text(row.outcome())));
  }

  public byte[] timelineCsv(Timeline timeline) {
    return csv(TIMELINE_COLUMNS, timeline.entries(), entry -> List.of(time(entry.started()), time(entry.ended()),
        text(entry.track()), text(entry.code()), text(entry.step()), text(entry.activityType()), text(entry.by()),
        entry.heldBy() == null ? "" : String.join(" ", entry.heldBy()),
        entry.documents().stream().map(d -> d.name() + ": " + d.url()).collect(Collectors.joining(" | "))));
  }

  public byte[] countriesWorkbook(CycleProgress progress) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(progress.cycle() + " countries");
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));

      Row head = sheet.createRow(0);
      for (int c = 0; c < COUNTRY_COLUMNS.size(); c++) {
        Cell cell = head.createCell(c);
        cell.setCellValue(COUNTRY_COLUMNS.get(c));
        cell.setCellStyle(header);
      }
      List<CountryRow> rows = rows(progress);
      for (int r = 0; r < rows.size(); r++) {
        CountryRow row = rows.get(r);
        Row line = sheet.createRow(r + 1);
        line.createCell(0).setCellValue(row.regionalOffice());
        line.createCell(1).setCellValue(row.iso3());
        line.createCell(2).setCellValue(row.country());
        line.createCell(3).setCellValue(row.track());
        line.createCell(4).setCellValue(row.state());
        line.createCell(5).setCellValue(text(row.currentStep()));
        line.createCell(6).setCellValue(String.join(" ", row.heldBy()));
        Cell due = line.createCell(7);
        if (row.dueDate() != null) {
          due.setCellValue(row.dueDate());
          due.setCellStyle(dateStyle);
        }
        line.createCell(8).setCellValue(row.late());
        if (row.daysOverdue() != null) {
          line.createCell(9).setCellValue(row.daysOverdue());
        }
        line.createCell(10).setCellValue(text(row.outcome()));
      }
      int[] widths = {16, 7, 28, 26, 10, 40, 28, 12, 7, 13, 16};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.size()), 0, COUNTRY_COLUMNS.size() - 1));
      sheet.createFreezePane(0, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<CountryRow> rows(CycleProgress progress) {
    List<CountryRow> rows = new ArrayList<>();
    for (RegionTable region : progress.regions()) {
      rows.addAll(region.rows());
    }
    return rows;
  }

  private static <T> byte[] csv(List<String> columns, List<T> rows, Function<T, List<String>> cells) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSV.builder().setHeader(columns.toArray(String[]::new)).get())) {
      for (T row : rows) {
        printer.printRecord(cells.apply(row).stream().map(ProgressExports::inert).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The cell as a spreadsheet shows it without evaluating it: text that would start a formula gets a leading quote. */
  static String inert(String cell) {
    return FORMULA_START.matcher(cell).find() && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String time(OffsetDateTime time) {
    return time == null ? "" : time.toString();
  }
}
