package homework.arch.stack;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplicasTest {

    @Test
    void oneCountForAllWithPerServiceExceptions() {
        Replicas replicas = Replicas.parse("2,billing=1,orders=3");

        assertThat(replicas.of("users"), is(2));
        assertThat(replicas.of("billing"), is(1));
        assertThat(replicas.of("orders"), is(3));
        assertThat(replicas.of("notifications"), is(2));
        assertThat(replicas.scaledOut(), is(true));
        assertThat(Replicas.parse("1").scaledOut(), is(false));
        assertThat(Replicas.parse("orders=2").of("users"), is(1));
    }

    @Test
    void whatCannotRunIsRefusedBeforeAnythingStarts() {
        assertThrows(IllegalArgumentException.class, () -> Replicas.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> Replicas.parse("order=2"));
        assertThrows(IllegalArgumentException.class, () -> Replicas.parse("two"));
        IllegalArgumentException idle = assertThrows(IllegalArgumentException.class, () -> Replicas.parse("notifications=4"));
        assertThat(idle.getMessage(), containsString("partitions"));
    }
}
