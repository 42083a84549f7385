package homework.arch.stack.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of("arch-orders"), budgets.stream().map(b -> b.getMetadata().getName()).toList(),
                "orders alone runs " + Chart.OVERRIDES.get("services.orders.replicas") + " replicas");
        PodDisruptionBudget orders = budgets.getFirst();
        assertEquals(1, orders.getSpec().getMaxUnavailable().getIntVal());
        assertEquals(rendered.named(Deployment.class, "arch-orders").getSpec().getSelector(), orders.getSpec().getSelector());
    }

    @Test
    void singleReplicasGetNoBudgetThatWouldBlockADrain() {
        assertEquals(List.of(), Chart.render().all(PodDisruptionBudget.class));
    }

    @Test
    void moreNotificationsReplicasThanOrderEventPartitionsIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render(Map.of("services.notifications.replicas", 4, "kafka.orderEventsPartitions", 3)));
        assertTrue(refused.getMessage().contains("exceeds kafka.orderEventsPartitions"), refused::getMessage);
        Rendered sixOfSix = Chart.render(Map.of("services.notifications.replicas", 6, "kafka.orderEventsPartitions", 6));
        assertEquals(6, sixOfSix.named(Deployment.class, "arch-notifications").getSpec().getReplicas());
    }
}
