package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the chart allows when services scale out: a disruption budget each, consumers within the partitions. */
class ScalingTest {

    @Test
    void aServiceWithMoreThanOneReplicaKeepsOneThroughVoluntaryDisruptions() {
        Rendered rendered = Chart.renderOverridden();
        List<PodDisruptionBudget> budgets = rendered.all(PodDisruptionBudget.class);
        assertThat("orders alone runs " + Chart.OVERRIDES.get("services.orders.replicas") + " replicas",
                budgets.stream().map(b -> b.getMetadata().getName()).toList(), contains("arch-orders"));
        PodDisruptionBudget orders = budgets.getFirst();
        assertThat(orders.getSpec().getMaxUnavailable().getIntVal(), is(1));
        assertThat(orders.getSpec().getSelector(),
                is(rendered.named(Deployment.class, "arch-orders").getSpec().getSelector()));
    }

    @Test
    void singleReplicasGetNoBudgetThatWouldBlockADrain() {
        assertThat(Chart.render().all(PodDisruptionBudget.class), is(empty()));
    }

    @Test
    void moreNotificationsReplicasThanOrderEventPartitionsIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render(Map.of("services.notifications.replicas", 4, "kafka.orderEventsPartitions", 3)));
        assertThat(refused.getMessage(), containsString("exceeds kafka.orderEventsPartitions"));
        Rendered sixOfSix = Chart.render(Map.of("services.notifications.replicas", 6, "kafka.orderEventsPartitions", 6));
        assertThat(sixOfSix.named(Deployment.class, "arch-notifications").getSpec().getReplicas(), is(6));
    }
}
