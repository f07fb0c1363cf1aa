package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.ResultFile;
import java.util.List;

/**
 * {@code index.html}: one self-contained page (inline SVG, inline CSS, no scripts, no external
 * resources), written as well-formed XHTML so that it parses as XML as well as HTML5.
 */
final class ReportPage {

  private static final String CSS = """
      body{font-family:'DejaVu Sans',sans-serif;margin:24px auto;padding:0 16px;max-width:1200px;color:#222}
      h1{font-size:24px}h2{font-size:19px;border-bottom:1px solid #ccc;padding-bottom:4px}
      figure{margin:16px 0;display:inline-block;vertical-align:top}
      figcaption{font-size:13px;color:#444;max-width:760px}
      table{border-collapse:collapse;font-size:13px;margin:8px 0 20px}
      th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}
      th{background:#f0f0f0}td.text{text-align:left}
      caption{text-align:left;font-weight:bold;padding:4px 0}
      .warning{color:#a00;font-weight:bold}
      .bad{background:#fdd}
      nav a{margin-right:12px}
      """;

  private ReportPage() {}

  static String html(Report report) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<title>attnpaths report</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>attnpaths report</h1>\n<p>Inputs: ");
    List<ResultFile> files = report.files();
    for (int i = 0; i < files.size(); i++) {
      b.append(i == 0 ? "" : ", ").append("<code>").append(escape(files.get(i).path().toString()))
          .append("</code> (").append(files.get(i).kind().schema()).append(')');
    }
    b.append(".</p>\n<nav>");
    for (Report.Section s : report.sections()) {
      b.append("<a href=\"#").append(s.id()).append("\">").append(escape(s.title()))
          .append("</a>");
    }
    b.append("</nav>\n");
    if (!report.warnings().isEmpty()) {
      b.append("<ul id=\"warnings\">\n");
      for (String w : report.warnings()) {
        b.append("<li class=\"warning\">").append(escape(w)).append("</li>\n");
      }
      b.append("</ul>\n");
    }
    for (Report.Section s : report.sections()) {
      b.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(escape(s.title()))
          .append("</h2>\n");
      for (Figure f : s.figures()) {
        b.append("<figure id=\"fig-").append(f.name()).append("\">\n").append(f.svg())
            .append("\n<figcaption>").append(escape(f.caption())).append(" (")
            .append("figures/").append(f.name()).append(".png, .svg)</figcaption>\n</figure>\n");
      }
      for (Table t : s.tables()) table(b, t);
      b.append("</section>\n");
    }
    b.append("<p><small>Every table is also written as NAME.csv next to this page.</small></p>\n")
        .append("</body>\n</html>\n");
    return b.toString();
  }

  private static void table(StringBuilder b, Table t) {
    b.append("<table id=\"table-").append(t.name()).append("\">\n<caption>")
        .append(escape(t.caption())).append(" (").append(t.name()).append(".csv)</caption>\n<tr>");
    for (String h : t.header()) b.append("<th>").append(escape(h)).append("</th>");
    b.append("</tr>\n");
    int converged = t.header().indexOf("converged");
    for (List<String> row : t.rows()) {
      boolean bad = converged >= 0 && "false".equals(row.get(converged));
      b.append(bad ? "<tr class=\"bad\">" : "<tr>");
      for (String c : row) {
        String shown = display(c);
        b.append(shown.equals(c) && !isNumber(c) ? "<td class=\"text\">" : "<td>")
            .append(escape(shown)).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  /** Numbers at four significant digits; other text as is. */
  private static String display(String cell) {
    if (!isNumber(cell)) return cell;
    return Report.number(Double.parseDouble(cell));
  }

  private static boolean isNumber(String s) {
    return s.matches("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?"); // not versions such as 17.0.13
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

}
