package org.attnpaths.cli.report;

import java.util.List;

/**
 * One table of the report, written both into {@code index.html} and as {@code NAME.csv}.
 *
 * @param name CSV file stem and HTML id
 * @param caption one line above the table
 * @param header column names (CSV header, HTML {@code th})
 * @param rows cells as text; every row has {@code header.size()} cells
 */
public record Table(String name, String caption, List<String> header, List<List<String>> rows) {

  public Table {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != header.size()) throw new IllegalArgumentException("rows[" + i
          + "]: expected " + header.size() + " cells, got " + rows.get(i).size());
    }
  }

  /** CSV (RFC 4180 quoting) with {@code # } comment lines first. */
  public String csv(List<String> comments) {
    StringBuilder b = new StringBuilder();
    for (String c : comments) b.append("# ").append(c.replace('\n', ' ')).append('\n');
    b.append(csvLine(header));
    for (List<String> r : rows) b.append(csvLine(r));
    return b.toString();
  }

  private static String csvLine(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i > 0) b.append(',');
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    return b.append('\n').toString();
  }
}
