package org.hldprep.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the reference CSV files shipped on the classpath with Apache Commons CSV: RFC 4180 quoting, a
 * header row, and leading {@code #} lines that name the source of the data.
 */
final class Csv {

  /** RFC 4180 with {@code #} comment lines and blank lines skipped; the first record is the header. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#')
      .setIgnoreEmptyLines(true).get();

  private Csv() {
  }

  static List<Map<String, String>> read(String classpathResource) {
    InputStream in = Csv.class.getClassLoader().getResourceAsStream(classpathResource);
    if (in == null) {
      throw new IllegalStateException("Reference data missing from the classpath: " + classpathResource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, FORMAT)) {
      List<String> header = null;
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        List<String> cells = record.toList();
        if (header == null) {
          header = cells;
          continue;
        }
        if (cells.size() != header.size()) {
          throw new IllegalStateException(classpathResource + ": expected " + header.size()
              + " columns but found " + cells.size() + " in line " + parser.getCurrentLineNumber() + ": " + cells);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), cells.get(i).trim());
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + classpathResource, e);
    }
  }

  /** The cells of one CSV line. */
  static List<String> split(String line) {
    try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.RFC4180)) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of("") : records.get(0).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
