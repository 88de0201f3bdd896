package io.benchledger.report.pdf;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.report.model.CaseHistory;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import io.benchledger.report.model.Formats;
import io.benchledger.report.model.HistoryPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, drawn by JFreeChart through a Graphics2D that writes PDF operators: the
 * result is a form XObject of vector paths and text in the embedded font, never a raster image.
 */
final class Charts {
    static final Color GOOD = new Color(0x1B, 0x7F, 0x3B);
    static final Color BAD = new Color(0xC0, 0x1C, 0x28);
    private static final Map<Verdict, Color> VERDICT_COLORS = new EnumMap<>(Map.of(
            Verdict.IMPROVED, GOOD,
            Verdict.REGRESSED, BAD,
            Verdict.UNCHANGED, new Color(0x70, 0x70, 0x70),
            Verdict.INCONCLUSIVE, new Color(0xC0, 0x7A, 0x00)));
    /** For verdicts without a colour of their own (a case that failed to run). */
    private static final Color OTHER = new Color(0x6A, 0x1B, 0x9A);

    static Color color(Verdict v) {
        return VERDICT_COLORS.getOrDefault(v, OTHER);
    }
    private static final int LABEL_CHARS = 58;

    private final PageFlow flow;
    private final PdfBoxGraphics2DFontTextDrawer textDrawer = new PdfBoxGraphics2DFontTextDrawer();
    private final StandardChartTheme theme = new StandardChartTheme("benchledger");

    Charts(PageFlow flow) {
        this.flow = flow;
        textDrawer.registerFont(ReportFonts.awtRegularName(), flow.fonts.regular);
        textDrawer.registerFont(ReportFonts.awtBoldName(), flow.fonts.bold);
        theme.setExtraLargeFont(ReportFonts.awtBold(11));
        theme.setLargeFont(ReportFonts.awtBold(8.5f));
        theme.setRegularFont(ReportFonts.awtRegular(7.5f));
        theme.setSmallFont(ReportFonts.awtRegular(6.5f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** Height a change chart of {@code n} cases needs. */
    static float changeChartHeight(int n) {
        return 70 + 13.5f * n;
    }

    /**
     * Relative change of each case (percent) with its confidence interval as an error bar, coloured
     * by verdict; the first case at the top.
     */
    PDFormXObject changes(List<CaseComparison> cases, float width, float height) throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        Map<Verdict, YIntervalSeries> series = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            series.put(v, new YIntervalSeries(v.json()));
        }
        String[] labels = new String[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            CaseComparison c = cases.get(i);
            labels[i] = shortLabel(Formats.caseName(simpleName(c.benchmark()), c.params())
                    + (c.metric().equals("primary") ? "" : " · " + c.metric()));
            double low = Double.isFinite(c.ciLow()) ? c.ciLow() : c.change();
            double high = Double.isFinite(c.ciHigh()) ? c.ciHigh() : c.change();
            series.get(c.verdict()).add(i, c.change() * 100, low * 100, high * 100);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(3);
        renderer.setErrorStroke(new BasicStroke(1.1f));
        int s = 0;
        for (Verdict v : Verdict.values()) {
            if (series.get(v).getItemCount() > 0) {
                data.addSeries(series.get(v));
                renderer.setSeriesShape(s, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
                s++;
            }
        }
        SymbolAxis caseAxis = new SymbolAxis(null, labels);
        caseAxis.setInverted(true);
        caseAxis.setGridBandsVisible(false);
        caseAxis.setRange(-0.6, Math.max(0.6, cases.size() - 0.4));
        NumberAxis changeAxis = new NumberAxis("change, % (95 % confidence interval)");
        changeAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, caseAxis, changeAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ValueMarker zero = new ValueMarker(0, Color.BLACK, new BasicStroke(0.8f));
        plot.addRangeMarker(zero);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        // the theme resets series paints: apply it first, then colour by verdict
        theme.apply(chart);
        int s2 = 0;
        for (Verdict v : Verdict.values()) {
            if (series.get(v).getItemCount() > 0) {
                renderer.setSeriesPaint(s2, color(v));
                s2++;
            }
        }
        renderer.setErrorPaint(null);
        caseAxis.setTickLabelFont(ReportFonts.awtRegular(6.5f));
        return draw(chart, width, height);
    }

    /**
     * One case's values over runs, its interval as a band, a dashed line at each change point and a
     * sloped segment over each drift.
     */
    PDFormXObject history(CaseHistory h, float width, float height) throws IOException {
        YIntervalSeries values = new YIntervalSeries(ReportFonts.drawable(h.metric() + (h.unit().isEmpty() ? ""
                : " (" + h.unit() + ")")));
        for (HistoryPoint p : h.points()) {
            double low = Double.isFinite(p.ciLow()) ? p.ciLow() : p.value();
            double high = Double.isFinite(p.ciHigh()) ? p.ciHigh() : p.value();
            values.add(p.index(), p.value(), low, high);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(values);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setSeriesPaint(0, PageFlow.ACCENT);
        renderer.setSeriesFillPaint(0, new Color(0x1F, 0x4E, 0x79));
        renderer.setAlpha(0.18f);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        renderer.setSeriesStroke(0, new BasicStroke(1.0f));
        NumberAxis runAxis = new NumberAxis("run (oldest to newest)");
        runAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis valueAxis = new NumberAxis(ReportFonts.drawable(h.unit()));
        valueAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, runAxis, valueAxis, renderer);
        for (ChangePoint cp : h.changePoints()) {
            ValueMarker m = new ValueMarker(cp.index() - 0.5,
                    ChangePoint.REGRESSION.equals(cp.direction()) ? BAD : GOOD,
                    new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 2}, 0));
            m.setLabel(ReportFonts.drawable(Formats.percent(cp.change())
                    + (cp.version().isEmpty() ? "" : " at " + cp.version())));
            m.setLabelFont(ReportFonts.awtRegular(6.5f));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        for (Drift d : h.drifts()) {
            // a sloped segment from the drift's first run at its starting level to its last at its final level
            Color c = ChangePoint.REGRESSION.equals(d.direction()) ? BAD : GOOD;
            plot.addAnnotation(new XYLineAnnotation(d.startIndex(), d.before(), d.endIndex(), d.after(),
                    new BasicStroke(2.5f), c));
            XYTextAnnotation label = new XYTextAnnotation(ReportFonts.drawable("drift " + Formats.percent(d.change())
                    + (d.alert() ? "" : " (below threshold)")), d.endIndex(), d.after());
            label.setFont(ReportFonts.awtRegular(6.5f));
            label.setPaint(c);
            label.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addAnnotation(label);
        }
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        theme.apply(chart);
        renderer.setSeriesPaint(0, PageFlow.ACCENT);
        renderer.setSeriesFillPaint(0, PageFlow.ACCENT);
        return draw(chart, width, height);
    }

    private PDFormXObject draw(JFreeChart chart, float width, float height) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(false);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(flow.doc, width, height);
        g.setFontTextDrawer(textDrawer);
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return g.getXFormObject();
    }

    /** {@code Class.method} of a fully qualified benchmark name: the package says little on an axis. */
    static String simpleName(String benchmark) {
        int last = benchmark.lastIndexOf('.');
        int previous = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
        return benchmark.substring(previous + 1);
    }

    /** A label cut to fit the axis, marked with an ellipsis when cut. */
    static String shortLabel(String name) {
        String s = ReportFonts.drawable(name);
        if (s.codePointCount(0, s.length()) <= LABEL_CHARS) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
    }
}
