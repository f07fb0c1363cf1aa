package org.attnpaths.cli.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A drawn chart with its file name and size, rendered to PNG or SVG.
 *
 * @param name file stem, also the SVG id prefix (letters, digits, '-')
 * @param caption one sentence for the report page
 * @param chart the chart (rendering does not modify it)
 * @param width width in CSS pixels (1/96 inch)
 * @param height height in CSS pixels
 */
public record Figure(String name, String caption, JFreeChart chart, int width, int height) {

  static {
    // JFreeChart's default draws rotated text (the vertical axis labels) through a TextLayout,
    // which JFreeSVG can only write as glyph outlines; Java 17 rotates drawString correctly, so
    // plain drawString keeps those labels as searchable <text> in the SVG.
    org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  public Figure {
    if (!name.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("name: expected letters, digits and '-', got '" + name + "'");
    }
  }

  /**
   * PNG at {@code dpi} dots per inch (96 = one pixel per CSS pixel).
   *
   * @return the encoded PNG
   */
  public byte[] png(int dpi) {
    double scale = dpi / 96.0;
    int w = (int) Math.round(width * scale);
    int h = (int) Math.round(height * scale);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
          RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.scale(scale, scale);
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The {@code <svg>} element (text kept as text; ids prefixed by {@link #name}). */
  public String svg() {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(name + "-");
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement(name);
  }

  /**
   * A one-page vector PDF (PDFBox + graphics2d), page size {@link #width}×{@link #height} CSS
   * pixels at 72/96 pt each. Text uses DejaVu Sans embedded from {@link #DEJAVU} when it is
   * installed (so Greek letters, subscripts and superscripts are real, searchable text); without
   * it, text is drawn as glyph outlines, which look the same.
   */
  public byte[] pdf() {
    try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      float w = width * 0.75f;
      float h = height * 0.75f;
      org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(
          new org.apache.pdfbox.pdmodel.common.PDRectangle(w, h));
      doc.addPage(page);
      de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D g =
          new de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D(doc, w, h);
      de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer fonts =
          new de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer();
      for (String[] f : new String[][] {{"SansSerif.plain", "DejaVuSans.ttf"},
          {"SansSerif.bold", "DejaVuSans-Bold.ttf"}}) {
        java.io.File ttf = DEJAVU.resolve(f[1]).toFile();
        if (ttf.isFile()) fonts.registerFont(f[0], ttf);
      }
      g.setFontTextDrawer(fonts);
      g.scale(0.75, 0.75);
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
      g.dispose();
      try (org.apache.pdfbox.pdmodel.PDPageContentStream cs =
          new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
        cs.drawForm(g.getXFormObject());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      fonts.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where Debian's {@code fonts-dejavu-core} puts DejaVu Sans (used by {@link #pdf()}). */
  static final java.nio.file.Path DEJAVU = java.nio.file.Path.of("/usr/share/fonts/truetype/dejavu");

  /** A standalone SVG file. */
  public String svgDocument() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg() + "\n";
  }
}
