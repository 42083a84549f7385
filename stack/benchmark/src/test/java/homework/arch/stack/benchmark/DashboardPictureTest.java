package homework.arch.stack.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import homework.arch.stack.StackLayout;
import homework.arch.stack.StackPorts;
import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.Repository;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The picture has one panel for each panel of helm/files/grafana-dashboard.json that is not a row,
 * titled as there, under the rows' titles, each drawn from what its own queries answered.
 */
class DashboardPictureTest {

    private static final Instant FROM = Instant.ofEpochSecond(1_796_587_900L);
    private static final Pattern PANEL_TITLE = Pattern.compile(
            "<g class=\"panel\">\\n<rect [^>]*/>\\n<text [^>]*font-weight=\"bold\"[^>]*>([^<]*)</text>");

    @Test
    void everyPanelButTheRowsIsDrawnWithItsTitleInTheDashboardsOrder() {
        Dashboard dashboard = Dashboard.read(Repository.root().resolve(DashboardPicture.DASHBOARD));
        List<String> asked = new ArrayList<>();
        String svg = DashboardPicture.draw(dashboard, (expr, from, to, step) -> {
            asked.add(expr);
            double top = expr.contains("_bytes") ? 500.0 * 1024 * 1024 : 3;
            return List.of(new QueryRange.Series(Map.of("status", "reserved", "app_kubernetes_io_component", "orders"),
                    List.of(new double[] {FROM.getEpochSecond() + 10, top / 3}, new double[] {FROM.getEpochSecond() + 12, top})));
        }, FROM, FROM.plusSeconds(60), FROM.plusSeconds(100), DashboardPicture.TITLE, "a run", "the fixed rate starts");

        assertThat(svg, startsWith("<svg"));
        assertThat(svg, containsString(DashboardPicture.TITLE));
        assertThat(svg, containsString("x: seconds since the ramp started; dashed line: the fixed rate starts"));
        assertThat("the byte axis counts in MiB, the share of 5xx in per cent", svg, containsString(">500 MiB</text>"));
        assertThat(svg, containsString(">300%</text>"));
        List<String> titles = new ArrayList<>();
        Matcher m = PANEL_TITLE.matcher(svg);
        while (m.find()) {
            titles.add(m.group(1).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"));
        }
        List<String> expected = dashboard.charts().stream().map(Dashboard.Panel::title).toList();
        assertThat(expected, hasSize(13));
        assertThat(titles, contains(expected.toArray()));
        for (Dashboard.Panel row : dashboard.panels().stream().filter(Dashboard.Panel::isRow).toList()) {
            assertThat(svg, containsString(">" + row.title() + "</text>"));
        }
        assertThat("every query of every panel", asked, hasSize(
                dashboard.charts().stream().mapToInt(p -> p.queries().size()).sum()));
        assertThat(asked, everyItem(containsString("namespace=~\"benchmark\"")));
        assertThat(asked, everyItem(not(containsString("$"))));
        // The stat panel shows its series' name, as Grafana's textMode "name" does; the legends come from legendFormat.
        assertThat(svg, containsString(">reserved</text>"));
        assertThat(svg, containsString(">orders active</text>"));
        assertThat(svg, containsString(">orders -&gt; </text>"));
        assertThat(svg, containsString("<polyline"));
    }

    @Test
    void aSeriesBreaksWhereItHasNoValueForMoreThanAStep() {
        long t = FROM.getEpochSecond();
        List<double[]> points = DashboardPicture.since(FROM, List.of(new double[] {t, 1}, new double[] {t + 2, 2},
                new double[] {t + 10, 3}));
        assertThat(points, hasSize(4));
        assertThat(points.get(1)[0], is(2.0));
        assertThat(Double.isNaN(points.get(2)[1]), is(true));
        assertThat(points.get(3)[0], is(10.0));
        assertThat(DashboardPicture.STEP, is(Duration.ofSeconds(2)));
    }

    @Test
    void theRelayIsScrapedOnlyInAStyleThatRunsIt() {
        StackLayout layout = new StackLayout(Path.of("target/none"), StackPorts.defaults());

        assertThat(DashboardPicture.targets(Map.of(), layout),
                contains(new Prometheus.Target(DashboardPicture.RELAY, StackPorts.defaults().debeziumMetrics())));
        assertThat(DashboardPicture.targets(Map.of(), layout.withStyle(StackStyle.HTTP_ONLY)), is(empty()));
    }

    @Test
    void inEventCollaborationEveryRelayIsScrapedAsTheRelay() {
        StackLayout layout = new StackLayout(Path.of("target/none"), StackPorts.defaults()).withStyle(StackStyle.EVENT_COLLABORATION);
        Map<String, Integer> others = new java.util.LinkedHashMap<>();
        others.put("users", 41001);
        others.put("billing", 41002);

        assertThat(DashboardPicture.targets(Map.of(), layout, others),
                contains(new Prometheus.Target(DashboardPicture.RELAY, StackPorts.defaults().debeziumMetrics()),
                        new Prometheus.Target(DashboardPicture.RELAY, 41001), new Prometheus.Target(DashboardPicture.RELAY, 41002)));
    }

    @Test
    void valuesAreWrittenInTheirPanelsUnit() {
        assertThat(PanelGrid.value(16 * 1024 * 1024, "bytes"), is("16 MiB"));
        assertThat(PanelGrid.value(0.05, "percentunit"), is("5%"));
        assertThat(PanelGrid.value(1500, "ops"), is("1.5k/s"));
        assertThat(PanelGrid.value(0.25, "s"), is("0.25 s"));
        assertThat(PanelGrid.value(3, "short"), is("3"));
    }
}
