package dev.niche.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Small wrappers over XChart that give every walkthrough chart the same look. */
final class Charts {

  /** Colours for series that belong together (a curve and its bands). */
  static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
    new Color(0xff7f0e), new Color(0x8c564b)
  };

  static final int WIDTH = 800;
  static final int HEIGHT = 520;

  private Charts() {}

  static XYChart xy(String title, String xLabel, String yLabel) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setMarkerSize(6);
    return chart;
  }

  static CategoryChart bars(String title, String xLabel, String yLabel) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setSeriesColors(new Color[] {PALETTE[0], PALETTE[1], PALETTE[2]});
    return chart;
  }

  static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(SeriesMarkers.NONE);
    return series;
  }

  static XYSeries dashed(XYChart chart, String name, double[] x, double[] y) {
    XYSeries series = line(chart, name, x, y);
    series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[] {6f, 4f}, 0f));
    return series;
  }

  static XYSeries points(XYChart chart, String name, double[] x, double[] y) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    return series;
  }

  /**
   * A forest chart: one row per term, labelled above it, its estimate as a point and its
   * interval as a horizontal segment, a dashed line at 1 (no effect), and optional reference
   * values (e.g. the true ratios of generated data) as a second kind of marker.
   */
  static XYChart forest(String title, String xLabel, List<String> terms, double[] estimate,
      double[] lower, double[] upper, double[] reference, String referenceName) {
    XYChart chart = xy(title, xLabel, "");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setYAxisTicksVisible(false);
    chart.getStyler().setPlotGridHorizontalLinesVisible(false);
    chart.getStyler().setXAxisDecimalPattern("0.0#");
    int m = terms.size();
    double[] rows = new double[m];
    double lo = 1;
    double hi = 1;
    for (int i = 0; i < m; i++) {
      rows[i] = m - i;
      XYSeries segment = line(chart, "interval " + i, new double[] {lower[i], upper[i]},
          new double[] {rows[i], rows[i]});
      segment.setLineColor(PALETTE[0]);
      segment.setShowInLegend(false);
      chart.addAnnotation(new AnnotationText(terms.get(i), estimate[i], rows[i] + 0.3, false));
      lo = Math.min(lo, Math.min(lower[i], reference == null ? lower[i] : reference[i]));
      hi = Math.max(hi, Math.max(upper[i], reference == null ? upper[i] : reference[i]));
    }
    points(chart, "estimate (95% interval)", estimate, rows).setMarkerColor(PALETTE[0]);
    if (reference != null) {
      XYSeries truth = points(chart, referenceName, reference, rows);
      truth.setMarker(SeriesMarkers.DIAMOND);
      truth.setMarkerColor(PALETTE[1]);
    }
    dashed(chart, "no effect", new double[] {1, 1}, new double[] {0.5, m + 0.5})
        .setLineColor(Color.GRAY);
    double pad = 0.08 * (hi - lo);
    chart.getStyler().setXAxisMin(lo - pad);
    chart.getStyler().setXAxisMax(hi + pad);
    chart.getStyler().setYAxisMin(0.3);
    chart.getStyler().setYAxisMax(m + 1.0);
    return chart;
  }

  /** Saves a chart as PNG and returns its file name (relative to the report). */
  static String save(Chart<?, ?> chart, Path folder, String baseName) {
    try {
      BitmapEncoder.saveBitmap(chart, folder.resolve(baseName).toString(),
          BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + baseName, e);
    }
    return baseName + ".png";
  }
}
