package homework.arch.stack.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

import homework.arch.stack.fixtures.Repository;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The dashboard's queries reach Prometheus with its variables replaced, and its series are named as Grafana names them. */
class DashboardQueriesTest {

    private static final Map<String, String> VARIABLES = Map.of("namespace", "benchmark", "__rate_interval", "5s");

    @Test
    void variablesAreReplacedInBothSpellings() {
        assertThat(Dashboard.promql("sum by (status) (rate(orders_settled_total{namespace=~\"$namespace\"}[$__rate_interval]))",
                VARIABLES), is("sum by (status) (rate(orders_settled_total{namespace=~\"benchmark\"}[5s]))"));
        assertThat(Dashboard.promql("up{namespace=\"${namespace}\"}", VARIABLES), is("up{namespace=\"benchmark\"}"));
        assertThat(Dashboard.promql("max(db_pool_active)", VARIABLES), is("max(db_pool_active)"));
    }

    @Test
    void aVariableWithoutAValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Dashboard.promql("up{pod=~\"$pod\"}", VARIABLES));
    }

    @Test
    void everyQueryOfTheChartsDashboardIsLeftWithoutVariables() {
        Dashboard dashboard = Dashboard.read(Repository.root().resolve(DashboardPicture.DASHBOARD));
        for (Dashboard.Panel panel : dashboard.charts()) {
            for (Dashboard.Query query : panel.queries()) {
                assertThat(panel.title(), Dashboard.promql(query.expr(), VARIABLES), not(containsString("$")));
            }
        }
    }

    @Test
    void theLegendFormatNamesTheSeriesByItsLabels() {
        Map<String, String> labels = Map.of("app_kubernetes_io_component", "orders", "target", "billing");
        assertThat(Dashboard.legend("{{app_kubernetes_io_component}} -> {{ target }}", labels), is("orders -> billing"));
        assertThat(Dashboard.legend("partition {{partition}}", labels), is("partition "));
        assertThat(Dashboard.legend("kept for the relay", labels), is("kept for the relay"));
    }

    @Test
    void withoutALegendFormatTheSeriesIsNamedByItsLabelSet() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("status", "PAID");
        labels.put("namespace", "benchmark");
        assertThat(Dashboard.legend("", labels), is("{status=\"PAID\", namespace=\"benchmark\"}"));
        assertThat(Dashboard.legend("__auto", Map.of()), is("{}"));
    }
}
