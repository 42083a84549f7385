package homework.arch.stack.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain SVG charts for docs/performance.md, written by hand: a line chart of series against one x
 * axis (y linear or logarithmic) and a horizontal bar chart; {@link PanelGrid} draws a dashboard's
 * panels with the same pieces. No plotting library: the files are small, diff as text, and render on
 * any Markdown viewer.
 */
final class Chart {

    static final int WIDTH = 760;
    static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 55;
    static final String FONT = "font-family=\"DejaVu Sans, Arial, sans-serif\"";

    /** A named series of (x, y) points; dashed for references such as y = x. */
    record Series(String name, String color, List<double[]> points, boolean dashed) {

        static Series of(String name, String color, List<double[]> points) {
            return new Series(name, color, points, false);
        }
    }

    private Chart() {
    }

    /**
     * Lines with points; {@code logY} for quantities that span decades, such as latencies (it leaves
     * out values of 0 or less). A linear y axis reaches below 0 when a value does, with a line at 0.
     */
    static String lines(String title, String subtitle, String xLabel, String yLabel, boolean logY, List<Series> series) {
        double xMax = 0;
        double yMin = Double.MAX_VALUE;
        double yMax = 0;
        for (Series s : series) {
            for (double[] p : s.points()) {
                xMax = Math.max(xMax, p[0]);
                if (!Double.isNaN(p[1]) && (!logY || p[1] > 0)) {
                    yMin = Math.min(yMin, p[1]);
                    yMax = Math.max(yMax, p[1]);
                }
            }
        }
        double xTop = niceTop(xMax);
        double yBottom = logY ? Math.pow(10, Math.floor(Math.log10(Math.max(1, yMin == Double.MAX_VALUE ? 1 : yMin))))
                : yMin < 0 ? -niceTop(-yMin) : 0;
        double yTop = logY ? Math.pow(10, Math.ceil(Math.log10(Math.max(yBottom * 10, yMax)))) : niceTop(yMax);
        Axis x = new Axis(0, xTop, false, LEFT, WIDTH - RIGHT);
        Axis y = new Axis(yBottom, yTop, logY, HEIGHT - BOTTOM, TOP);

        StringBuilder svg = header(title, subtitle);
        for (double t : x.ticks()) {
            double px = x.at(t);
            svg.append(line(px, TOP, px, HEIGHT - BOTTOM, "#ECEFF1", false));
            svg.append(text(px, HEIGHT - BOTTOM + 18, label(t), "middle", 12));
        }
        for (double t : y.ticks()) {
            double py = y.at(t);
            svg.append(line(LEFT, py, WIDTH - RIGHT, py, "#ECEFF1", false));
            svg.append(text(LEFT - 8, py + 4, label(t), "end", 12));
        }
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#455A64", false));
        if (yBottom < 0) {
            svg.append(line(LEFT, y.at(0), WIDTH - RIGHT, y.at(0), "#90A4AE", false));
        }
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#455A64", false));
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 15, xLabel, "middle", 13));
        svg.append(f("<text x=\"18\" y=\"%.1f\" %s font-size=\"13\" fill=\"#263238\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 18 %.1f)\">%s</text>%n", (TOP + HEIGHT - BOTTOM) / 2.0, FONT,
                (TOP + HEIGHT - BOTTOM) / 2.0, escape(yLabel)));
        int legend = 0;
        for (Series s : series) {
            List<String> coordinates = new ArrayList<>();
            for (double[] p : s.points()) {
                if (!Double.isNaN(p[1]) && (!logY || p[1] > 0)) {
                    coordinates.add(f("%.1f,%.1f", x.at(p[0]), y.at(Math.min(p[1], yTop))));
                }
            }
            if (!coordinates.isEmpty()) {
                svg.append(f("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n", s.color(),
                        s.dashed() ? " stroke-dasharray=\"6 4\"" : "", String.join(" ", coordinates)));
                if (!s.dashed()) {
                    for (String c : coordinates) {
                        String[] xy = c.split(",");
                        svg.append(f("<circle cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"%s\"/>%n", xy[0], xy[1], s.color()));
                    }
                }
            }
            double ly = TOP + 10 + legend++ * 22;
            svg.append(line(WIDTH - RIGHT + 15, ly, WIDTH - RIGHT + 40, ly, s.color(), s.dashed()));
            svg.append(text(WIDTH - RIGHT + 46, ly + 4, s.name(), "start", 12));
        }
        return svg.append("</svg>\n").toString();
    }

    /** One horizontal bar per entry, in the map's order, its value written at its end. */
    static String bars(String title, String subtitle, String unit, Map<String, Double> values) {
        int barHeight = 24;
        int gap = 8;
        int height = TOP + values.size() * (barHeight + gap) + 30;
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double top = niceTop(max);
        int left = 220;
        int right = WIDTH - 80;
        StringBuilder svg = header(title, subtitle, height);
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double y = TOP + i++ * (barHeight + gap);
            double w = (right - left) * e.getValue() / top;
            svg.append(text(left - 8, y + barHeight / 2.0 + 4, e.getKey(), "end", 12));
            svg.append(f("<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", left, y, Math.max(0, w),
                    barHeight, e.getKey().startsWith("all") ? "#455A64" : "#1E88E5"));
            svg.append(text(left + Math.max(0, w) + 6, y + barHeight / 2.0 + 4, f("%.1f %s", e.getValue(), unit), "start", 12));
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder header(String title, String subtitle) {
        return header(title, subtitle, HEIGHT);
    }

    private static StringBuilder header(String title, String subtitle, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
                WIDTH, height, WIDTH, height));
        svg.append(f("<rect width=\"%d\" height=\"%d\" fill=\"#FFFFFF\"/>%n", WIDTH, height));
        svg.append(f("<text x=\"%d\" y=\"22\" %s font-size=\"16\" font-weight=\"bold\" fill=\"#263238\">%s</text>%n",
                LEFT, FONT, escape(title)));
        svg.append(f("<text x=\"%d\" y=\"40\" %s font-size=\"12\" fill=\"#546E7A\">%s</text>%n", LEFT, FONT,
                escape(subtitle)));
        return svg;
    }

    /** A linear or base-10 logarithmic mapping from values to pixels, with round ticks. */
    record Axis(double from, double to, boolean log, double pixelFrom, double pixelTo) {

        double at(double value) {
            double share = log ? (Math.log10(value) - Math.log10(from)) / (Math.log10(to) - Math.log10(from))
                    : (value - from) / (to - from);
            return pixelFrom + share * (pixelTo - pixelFrom);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double decade = from; decade <= to * 1.0001; decade *= 10) {
                    for (int m : new int[] {1, 2, 5}) {
                        if (decade * m <= to * 1.0001) {
                            ticks.add(decade * m);
                        }
                    }
                }
            } else {
                double step = step(to - from);
                for (int i = 0; from + i * step <= to + step / 1000; i++) {
                    ticks.add(from + i * step);
                }
            }
            return ticks;
        }
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code max} (and above 0). */
    static double niceTop(double max) {
        if (max <= 0) {
            return 1;
        }
        double step = step(max);
        return Math.ceil(max / step - 1e-9) * step;
    }

    /** A round tick step that cuts {@code range} into 4 to 10 parts. */
    private static double step(double range) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(range)));
        for (double m : new double[] {0.1, 0.2, 0.5, 1, 2, 5}) {
            if (range / (m * magnitude) <= 10) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String line(double x1, double y1, double x2, double y2, String color, boolean dashed) {
        return f("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n", x1, y1, x2,
                y2, color, color.equals("#ECEFF1") ? "1" : "2", dashed ? " stroke-dasharray=\"6 4\"" : "");
    }

    static String text(double x, double y, String text, String anchor, int size) {
        return f("<text x=\"%.1f\" y=\"%.1f\" %s font-size=\"%d\" fill=\"#263238\" text-anchor=\"%s\">%s</text>%n", x, y,
                FONT, size, anchor, escape(text));
    }

    static String label(double value) {
        return new java.math.BigDecimal(f("%.3f", value)).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
