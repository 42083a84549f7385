package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;

import homework.arch.stack.StackStyle;
import org.junit.jupiter.api.Test;

/** What the load generator accepts as the answer to a placed order, per style. */
class OrderSimulationTest {

    @Test
    void theStylesThatChargeInTheRequestAnswerTheFinalStatusAndEventCollaborationAPendingOrder() {
        assertThat(OrderSimulation.answer(StackStyle.HTTP_ONLY), is(new OrderSimulation.Answer(201, List.of("PAID", "CANCELLED"))));
        assertThat(OrderSimulation.answer(StackStyle.HTTP_BROKER), is(OrderSimulation.answer(StackStyle.HTTP_ONLY)));
        assertThat(OrderSimulation.answer(StackStyle.EVENT_COLLABORATION), is(new OrderSimulation.Answer(202, List.of("PENDING"))));
        for (StackStyle style : StackStyle.values()) {
            // A style answers PENDING exactly where its answer is not final.
            assertThat(style.configName(), OrderSimulation.answer(style).orderStatuses().contains("PENDING"),
                    is(!Settled.inTheAnswer(style)));
        }
    }
}
