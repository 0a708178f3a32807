package org.hldprep.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.hldprep.board.ProgressViews.CycleProgress;
import org.hldprep.board.ProgressViews.CycleSummary;
import org.hldprep.board.ProgressViews.Timeline;
import org.hldprep.reference.ReferenceData;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The progress board over REST: the cycles, one cycle's progress, the timelines and the downloads.
 * Readable by iom-icp, iom-icp-gb, iom-dg and administrators (everything) and by each Regional Office
 * for its own region; everyone else gets 403. GET only, so the webapps' session may call it too.
 */
@RestController
@RequestMapping("/api/cycles")
@Tag(name = "Progress board", description = "Where each cycle, track and country stands; timelines and exports")
public class ProgressController {

  static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
  static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final String REGION_PARAMETER = "Show one Regional Office only, e.g. ro-bangkok (a Regional"
      + " Office may ask for its own only)";

  private final ProgressService progress;
  private final ProgressExports exports;
  private final ReferenceData referenceData;

  public ProgressController(ProgressService progress, ProgressExports exports, ReferenceData referenceData) {
    this.progress = progress;
    this.exports = exports;
    this.referenceData = referenceData;
  }

  @GetMapping
  @Operation(summary = "Cycles the caller may see, newest first", description = "A Regional Office sees the cycles that include a country of its region.")
  public List<CycleSummary> cycles(Authentication caller) {
    return progress.cycles(scope(caller));
  }

  @GetMapping("/{cycle}/progress")
  @Operation(summary = "Everything the progress board shows for one cycle", description = "Countdown and next five deadlines, per track a progress figure and counts by state and"
      + " outcome, per Regional Office its countries (current step, who holds it, due date, late, outcome),"
      + " and the overdue tasks. A Regional Office sees its own region only.")
  public CycleProgress progress(@PathVariable String cycle,
      @Parameter(description = REGION_PARAMETER) @RequestParam(required = false) String regionalOffice,
      Authentication caller) {
    return progress.progress(cycle, scope(caller), regionalOffice);
  }

  @GetMapping("/{cycle}/countries.csv")
  @Operation(summary = "The country table as CSV", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  public ResponseEntity<byte[]> countriesCsv(@PathVariable String cycle,
      @Parameter(description = REGION_PARAMETER) @RequestParam(required = false) String regionalOffice,
      Authentication caller) {
    CycleProgress board = progress.progress(cycle, scope(caller), regionalOffice);
    return download(exports.countriesCsv(board), CSV, fileName(cycle, regionalOffice, "countries") + ".csv");
  }

  @GetMapping("/{cycle}/countries.xlsx")
  @Operation(summary = "The country table as an Excel workbook", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary"))))
  public ResponseEntity<byte[]> countriesWorkbook(@PathVariable String cycle,
      @Parameter(description = REGION_PARAMETER) @RequestParam(required = false) String regionalOffice,
      Authentication caller) {
    CycleProgress board = progress.progress(cycle, scope(caller), regionalOffice);
    return download(exports.countriesWorkbook(board), XLSX, fileName(cycle, regionalOffice, "countries") + ".xlsx");
  }

  @GetMapping("/{cycle}/countries/{iso3}/timeline")
  @Operation(summary = "One country's timeline: who did what when, with the documents linked", description = "403 for a Regional Office asking for a country of another region.")
  public Timeline countryTimeline(@PathVariable String cycle, @PathVariable String iso3, Authentication caller) {
    return progress.countryTimeline(cycle, iso3, scope(caller));
  }

  @GetMapping("/{cycle}/countries/{iso3}/timeline.csv")
  @Operation(summary = "One country's timeline as CSV", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  public ResponseEntity<byte[]> countryTimelineCsv(@PathVariable String cycle, @PathVariable String iso3,
      Authentication caller) {
    Timeline timeline = progress.countryTimeline(cycle, iso3, scope(caller));
    return download(exports.timelineCsv(timeline), CSV, cycle + "-" + timeline.subject() + "-timeline.csv");
  }

  @GetMapping("/{cycle}/tracks/{code}/timeline")
  @Operation(summary = "One track instance's timeline, by the code of its business key", description = "The code is what follows the cycle in the business key: council-joint-statement,"
      + " pga-outcome-input, colombo-process, PHL, ... A Regional Office may read its region's instances only.")
  public Timeline trackTimeline(@PathVariable String cycle, @PathVariable String code, Authentication caller) {
    return progress.trackTimeline(cycle, code, scope(caller));
  }

  @GetMapping("/{cycle}/tracks/{code}/timeline.csv")
  @Operation(summary = "One track instance's timeline as CSV", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  public ResponseEntity<byte[]> trackTimelineCsv(@PathVariable String cycle, @PathVariable String code,
      Authentication caller) {
    Timeline timeline = progress.trackTimeline(cycle, code, scope(caller));
    return download(exports.timelineCsv(timeline), CSV, cycle + "-" + code + "-timeline.csv");
  }

  private BoardScope scope(Authentication caller) {
    return BoardScope.of(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(),
        referenceData);
  }

  private static String fileName(String cycle, String regionalOffice, String what) {
    return cycle + (regionalOffice == null || regionalOffice.isBlank() ? "" : "-" + regionalOffice.trim()) + "-" + what;
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName.replaceAll("[^A-Za-z0-9._-]", "_")).build().toString())
        .body(body);
  }
}
