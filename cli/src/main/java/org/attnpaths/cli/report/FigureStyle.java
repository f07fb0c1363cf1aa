package org.attnpaths.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One look for every figure: the same colour for the same thing (theory blue, simulation black,
 * GP limit red, as in the paper's Fig. 2c), DejaVu-backed logical fonts (they carry α, π, ∞, ₁),
 * legends outside the data area.
 */
public final class FigureStyle {

  /** Theory curves and finite-N bars. */
  public static final Color THEORY = new Color(0x1f, 0x5f, 0xbf);
  /** Sampled (simulated) finite networks. */
  public static final Color SIMULATION = Color.BLACK;
  /** The GP (infinite-width) limit of the full network. */
  public static final Color GP = new Color(0xd6, 0x27, 0x28);
  /** Theory with the order parameters frozen at the full network's values (head pruning). */
  public static final Color THEORY_FROZEN = new Color(0x6b, 0xae, 0xd6);
  /** Pruning in reverse score order (least important head first). */
  public static final Color REVERSE_ORDER = new Color(0x6a, 0x3d, 0x9a);
  /** Pruning in random orders: the mean line; its ± std band in {@link #RANDOM_BAND}. */
  public static final Color RANDOM_ORDER = new Color(0x5a, 0x5a, 0x5a);
  /** The ± std band of the random-order mean. */
  public static final Color RANDOM_BAND = new Color(0xcc, 0xcc, 0xcc);
  /** GP limits of path subsets: darker reds, told apart by dash pattern too. */
  private static final Color[] GP_SUBSETS = {
      new Color(0x8c, 0x1a, 0x1a), new Color(0xe3, 0x7b, 0x1c), new Color(0x9a, 0x3f, 0x8a)};
  private static final float[][] DASHES = {{8f, 4f}, {2f, 3f}, {8f, 3f, 2f, 3f}, {12f, 4f, 2f, 4f}};

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private FigureStyle() {}

  /** Colour of the i-th path-subset GP line (cycles). */
  public static Color gpSubset(int i) {
    return GP_SUBSETS[i % GP_SUBSETS.length];
  }

  /** Dash pattern i (0: the full GP line; 1, 2, …: subsets). */
  static Stroke dashed(int i) {
    return new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        DASHES[i % DASHES.length], 0f);
  }

  static Stroke solid() {
    return new BasicStroke(1.8f);
  }

  /** Fonts, white background, light grid and a legend below the plot. */
  static JFreeChart apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(6, 6, 6, 12));
    if (chart.getTitle() != null) chart.getTitle().setFont(TITLE);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LABEL);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
      xy.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
      for (int i = 0; i < xy.getDomainAxisCount(); i++) axisFonts(xy.getDomainAxis(i));
      for (int i = 0; i < xy.getRangeAxisCount(); i++) axisFonts(xy.getRangeAxis(i));
    }
    return chart;
  }

  /**
   * An axis label with sub- and superscripts written as {@code _{…}} and {@code ^{…}}, e.g.
   * {@code "U^{ππ′}"} (drawn as real superscripts in PNG and SVG, not as TeX).
   */
  static java.text.AttributedString markup(String text, Font font) {
    StringBuilder plain = new StringBuilder();
    java.util.List<int[]> spans = new java.util.ArrayList<>(); // {start, end, +1 sup / -1 sub}
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int close = text.indexOf('}', i);
      if ((c == '^' || c == '_') && i + 1 < text.length() && text.charAt(i + 1) == '{'
          && close > i) {
        int start = plain.length();
        plain.append(text, i + 2, close);
        spans.add(new int[] {start, plain.length(), c == '^' ? 1 : -1});
        i = close;
      } else {
        plain.append(c);
      }
    }
    java.text.AttributedString a = new java.text.AttributedString(plain.toString());
    a.addAttributes(font.getAttributes(), 0, plain.length());
    for (int[] s : spans) {
      if (s[1] > s[0]) {
        a.addAttribute(java.awt.font.TextAttribute.SUPERSCRIPT, s[2] > 0
            ? java.awt.font.TextAttribute.SUPERSCRIPT_SUPER
            : java.awt.font.TextAttribute.SUPERSCRIPT_SUB, s[0], s[1]);
      }
    }
    return a;
  }

  /** Sets {@code axis}'s label from {@link #markup} (plain text kept as the label too). */
  static void label(org.jfree.chart.axis.Axis axis, String text) {
    axis.setLabel(text.replaceAll("[_^]\\{([^}]*)}", "$1"));
    axis.setLabelFont(LABEL);
    axis.setAttributedLabel(markup(text, LABEL));
  }

  static void axisFonts(org.jfree.chart.axis.Axis axis) {
    if (axis == null) return;
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
  }
}
