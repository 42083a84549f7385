package homework.arch.stack.benchmark;

import java.util.ArrayList;
import java.util.List;

import static homework.arch.stack.benchmark.Chart.FONT;
import static homework.arch.stack.benchmark.Chart.escape;
import static homework.arch.stack.benchmark.Chart.f;
import static homework.arch.stack.benchmark.Chart.label;
import static homework.arch.stack.benchmark.Chart.line;

/**
 * A dashboard's panels drawn where its 24-column grid puts them ({@link Dashboard.Panel}): each row
 * as a heading, each time series as a small line chart against one shared x axis with a dashed
 * marker, each stat panel as the names (or the value) of its series at the end, as Grafana shows them.
 * Drawn with {@link Chart}'s pieces.
 */
final class PanelGrid {

    static final int WIDTH = 1200;
    private static final int MARGIN = 10;
    private static final double COLUMN = (WIDTH - 2.0 * MARGIN) / 24;
    private static final int UNIT = 34;
    private static final int HEADER = 62;
    private static final int LEGEND_LINE = 13;
    /** Grafana's classic palette, in its order. */
    private static final List<String> PALETTE = List.of("#7EB26D", "#EAB839", "#6ED0E0", "#EF843C", "#E24D42",
            "#1F78C1", "#BA43A9", "#705DA0", "#508642", "#CCA300", "#447EBC", "#C15C17");

    /** A panel and the series its queries answered, x in seconds from the start of the grid's x axis. */
    record Cell(Dashboard.Panel panel, List<Chart.Series> series) {
    }

    private PanelGrid() {
    }

    static String color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /**
     * Every cell where its grid position puts it; x from 0 to {@code xEnd}, a dashed line at {@code marker}.
     * {@code xLabel} says what x is and what the dashed line marks.
     */
    static String svg(String title, String subtitle, String xLabel, double xEnd, double marker, List<Cell> cells) {
        int rows = cells.stream().mapToInt(c -> c.panel().y() + c.panel().height()).max().orElse(0);
        int height = HEADER + rows * UNIT + MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
                WIDTH, height, WIDTH, height));
        svg.append(f("<rect width=\"%d\" height=\"%d\" fill=\"#F4F5F5\"/>%n", WIDTH, height));
        svg.append(f("<text x=\"%d\" y=\"22\" %s font-size=\"16\" font-weight=\"bold\" fill=\"#263238\">%s</text>%n",
                MARGIN, FONT, escape(title)));
        svg.append(f("<text x=\"%d\" y=\"40\" %s font-size=\"12\" fill=\"#546E7A\">%s</text>%n", MARGIN, FONT, escape(subtitle)));
        svg.append(f("<text x=\"%d\" y=\"56\" %s font-size=\"12\" fill=\"#546E7A\">x: %s</text>%n", MARGIN, FONT, escape(xLabel)));
        for (Cell cell : cells) {
            Dashboard.Panel p = cell.panel();
            double x = MARGIN + p.x() * COLUMN;
            double y = HEADER + p.y() * UNIT;
            if (p.isRow()) {
                svg.append(f("<text x=\"%.1f\" y=\"%.1f\" %s font-size=\"14\" font-weight=\"bold\" fill=\"#263238\">%s</text>%n",
                        x + 3, y + 22, FONT, escape(p.title())));
                continue;
            }
            Box box = new Box(x + 3, y + 3, p.width() * COLUMN - 6, p.height() * UNIT - 6);
            svg.append(f("<g class=\"panel\">%n<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#FFFFFF\" "
                    + "stroke=\"#DCDEE0\"/>%n", box.x(), box.y(), box.width(), box.height()));
            // A title longer than its panel is narrowed to fit, as Grafana cuts it.
            double room = box.width() - 14;
            svg.append(f("<text x=\"%.1f\" y=\"%.1f\" %s font-size=\"12\" font-weight=\"bold\" fill=\"#263238\"%s>%s</text>%n",
                    x + 10, y + 20, FONT, p.title().length() * 7.3 > room
                            ? f(" textLength=\"%.1f\" lengthAdjust=\"spacingAndGlyphs\"", room) : "", escape(p.title())));
            svg.append(p.isStat() ? stat(p, cell.series(), box) : timeSeries(p, cell.series(), box, xEnd, marker));
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private record Box(double x, double y, double width, double height) {
    }

    private static String timeSeries(Dashboard.Panel panel, List<Chart.Series> series, Box box, double xEnd, double marker) {
        StringBuilder svg = new StringBuilder();
        List<List<Chart.Series>> legendLines = legendLines(series, box.width() - 16);
        double left = box.x() + 48;
        double right = box.x() + box.width() - 12;
        double top = box.y() + 28;
        double bottom = box.y() + box.height() - 20 - legendLines.size() * LEGEND_LINE;
        double yMin = 0;
        double yMax = 0;
        for (Chart.Series s : series) {
            for (double[] point : s.points()) {
                if (Double.isFinite(point[1])) {
                    yMin = Math.min(yMin, point[1]);
                    yMax = Math.max(yMax, point[1]);
                }
            }
        }
        // Bytes on round binary multiples (256 MiB, not 268.4 MB): the axis counts in the largest unit below the top.
        double scale = panel.unit().equals("bytes") && yMax >= 1024 ? Math.pow(1024, Math.floor(Math.log(yMax) / Math.log(1024))) : 1;
        double yTop = Chart.niceTop(yMax / scale);
        double yBottom = yMin < 0 ? -Chart.niceTop(-yMin / scale) : 0;
        Chart.Axis x = new Chart.Axis(0, Chart.niceTop(xEnd), false, left, right);
        Chart.Axis y = new Chart.Axis(yBottom, yTop, false, bottom, top);
        for (double t : fewer(x.ticks())) {
            svg.append(line(x.at(t), top, x.at(t), bottom, "#ECEFF1", false));
            svg.append(small(x.at(t), bottom + 12, label(t), "middle"));
        }
        for (double t : fewer(y.ticks())) {
            svg.append(line(left, y.at(t), right, y.at(t), "#ECEFF1", false));
            svg.append(small(left - 4, y.at(t) + 3, value(t * scale, panel.unit()), "end"));
        }
        svg.append(line(x.at(marker), top, x.at(marker), bottom, "#90A4AE", true));
        boolean drawn = false;
        for (Chart.Series s : series) {
            for (List<String> piece : pieces(s, x, y, yBottom, yTop, scale)) {
                drawn = true;
                if (piece.size() == 1) {
                    String[] xy = piece.getFirst().split(",");
                    svg.append(f("<circle cx=\"%s\" cy=\"%s\" r=\"1.5\" fill=\"%s\"/>%n", xy[0], xy[1], s.color()));
                } else {
                    svg.append(f("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n", s.color(),
                            String.join(" ", piece)));
                }
            }
        }
        if (!drawn) {
            svg.append(small((left + right) / 2, (top + bottom) / 2, "No data", "middle"));
        }
        double ly = bottom + 28;
        for (List<Chart.Series> legendLine : legendLines) {
            double lx = box.x() + 10;
            for (Chart.Series s : legendLine) {
                svg.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"3\" fill=\"%s\"/>%n", lx, ly - 4, s.color()));
                svg.append(small(lx + 16, ly, s.name(), "start"));
                lx += legendWidth(s);
            }
            ly += LEGEND_LINE;
        }
        return svg.toString();
    }

    /** Grafana's stat panel: the series' names ({@code textMode} name) or their last values, on a coloured background. */
    private static String stat(Dashboard.Panel panel, List<Chart.Series> series, Box box) {
        List<String> shown = new ArrayList<>();
        for (Chart.Series s : series) {
            double last = s.points().isEmpty() ? Double.NaN : s.points().getLast()[1];
            if (!Double.isNaN(last)) {
                shown.add(panel.textMode().equals("name") ? s.name() : value(last, panel.unit()));
            }
        }
        double cx = box.x() + box.width() / 2;
        double cy = box.y() + box.height() / 2 + 10;
        if (shown.isEmpty()) {
            return small(cx, cy, "No data", "middle");
        }
        return f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#56A64B\"/>%n", box.x() + 8, box.y() + 28,
                box.width() - 16, box.height() - 36)
                + f("<text x=\"%.1f\" y=\"%.1f\" %s font-size=\"20\" font-weight=\"bold\" fill=\"#FFFFFF\" text-anchor=\"middle\">%s</text>%n",
                cx, cy + 6, FONT, escape(String.join(", ", shown)));
    }

    /** The series' points (in units of {@code scale}) as polyline coordinates, cut where a value is missing (NaN) or infinite. */
    private static List<List<String>> pieces(Chart.Series s, Chart.Axis x, Chart.Axis y, double yBottom, double yTop,
                                             double scale) {
        List<List<String>> pieces = new ArrayList<>();
        List<String> piece = new ArrayList<>();
        for (double[] p : s.points()) {
            if (!Double.isFinite(p[1])) {
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                }
                continue;
            }
            piece.add(f("%.1f,%.1f", x.at(p[0]), y.at(Math.max(yBottom, Math.min(yTop, p[1] / scale)))));
        }
        if (!piece.isEmpty()) {
            pieces.add(piece);
        }
        return pieces;
    }

    /** The legend's entries, flowed into lines of at most {@code width} pixels, as Grafana lists them under a panel. */
    private static List<List<Chart.Series>> legendLines(List<Chart.Series> series, double width) {
        List<List<Chart.Series>> lines = new ArrayList<>();
        double used = width;
        for (Chart.Series s : series) {
            if (used + legendWidth(s) > width) {
                lines.add(new ArrayList<>());
                used = 0;
            }
            lines.getLast().add(s);
            used += legendWidth(s);
        }
        return lines;
    }

    private static double legendWidth(Chart.Series s) {
        return 16 + s.name().length() * 6.0 + 12;
    }

    /** At most six ticks: every second one of a finer set. */
    private static List<Double> fewer(List<Double> ticks) {
        if (ticks.size() <= 6) {
            return ticks;
        }
        List<Double> fewer = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i += 2) {
            fewer.add(ticks.get(i));
        }
        return fewer;
    }

    /** A value written as Grafana writes its unit: bytes in KiB, MiB, GiB; a share in per cent; rates per second. */
    static String value(double v, String unit) {
        return switch (unit) {
            case "bytes" -> bytes(v);
            case "percentunit" -> label(v * 100) + "%";
            case "s" -> label(v) + " s";
            case "ms" -> label(v) + " ms";
            case "ops", "reqps" -> thousands(v) + "/s";
            default -> thousands(v);
        };
    }

    private static String bytes(double v) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (Math.abs(v) >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return label(Math.round(v * 10) / 10.0) + " " + units[i];
    }

    private static String thousands(double v) {
        return Math.abs(v) >= 1_000_000 ? label(v / 1_000_000) + "M" : Math.abs(v) >= 1000 ? label(v / 1000) + "k" : label(v);
    }

    private static String small(double x, double y, String text, String anchor) {
        return f("<text x=\"%.1f\" y=\"%.1f\" %s font-size=\"10\" fill=\"#455A64\" text-anchor=\"%s\">%s</text>%n", x, y,
                FONT, anchor, escape(text));
    }
}
