package homework.arch.stack;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StackStyleTest {

    @Test
    void theStackRunsStyleTwoUnlessToldOtherwise() {
        assertThat(LocalStack.parse(new String[0]).style(), is(StackStyle.HTTP_BROKER));
        assertThat(LocalStack.parse(new String[] {"--style", "http-only"}).style(), is(StackStyle.HTTP_ONLY));
        assertThat(LocalStack.parse(new String[] {"--style", "http-only", "--replicas", "2"}).replicas().of("orders"), is(2));
    }

    @Test
    void anUnknownStyleIsRefusedWithTheStylesListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalStack.parse(new String[] {"--style", "grpc"}));
        assertThat(e.getMessage(), is("--style grpc is not a style; one of http-only, http-broker"));
    }

    @Test
    void onlyTheStylesWithABrokerStartKafkaAndARelayPerOutbox() {
        assertThat(StackStyle.HTTP_ONLY.broker(), is(false));
        assertThat(StackStyle.HTTP_BROKER.broker(), is(true));
        assertThat(StackStyle.HTTP_BROKER.outboxDatabases(), is(List.of("orders")));
    }
}
