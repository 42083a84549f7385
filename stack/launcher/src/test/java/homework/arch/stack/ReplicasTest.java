package homework.arch.stack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicasTest {

    @Test
    void oneCountForAllWithPerServiceExceptions() {
        Replicas replicas = Replicas.parse("2,billing=1,orders=3");

        assertEquals(2, replicas.of("users"));
        assertEquals(1, replicas.of("billing"));
        assertEquals(3, replicas.of("orders"));
        assertEquals(2, replicas.of("notifications"));
        assertTrue(replicas.scaledOut());
        assertFalse(Replicas.parse("1").scaledOut());
        assertEquals(1, Replicas.parse("orders=2").of("users"));
    }

    @Test
    void whatCannotRunIsRefusedBeforeAnythingStarts() {
        assertThrows(IllegalArgumentException.class, () -> Replicas.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> Replicas.parse("order=2"));
        assertThrows(IllegalArgumentException.class, () -> Replicas.parse("two"));
        IllegalArgumentException idle = assertThrows(IllegalArgumentException.class, () -> Replicas.parse("notifications=4"));
        assertTrue(idle.getMessage().contains("partitions"), idle.getMessage());
    }
}
