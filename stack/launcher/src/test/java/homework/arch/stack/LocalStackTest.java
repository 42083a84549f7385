package homework.arch.stack;

import java.nio.file.Path;
import java.util.List;

import homework.arch.stack.fixtures.Kafka;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalStackTest {

    @Test
    void oneKafkaBrokerUnlessThreeAreAskedFor() {
        StackLayout one = LocalStack.parse(new String[] {"--data", "/tmp/stack"});

        assertThat(one.kafkaBrokers(), is(1));
        assertThat(one.kafkaNodes(), contains(new Kafka.Node(1, 19092, 19093)));
        assertThat(one.ports().byComponent(1).keySet(), contains("PostgreSQL", "Kafka", "Kafka controller", "billing", "users",
                "orders", "notifications", "Debezium Server", "Debezium Server metrics", "ingress"));
    }

    @Test
    void threeBrokersListenOnTheDocumentedPortsAndKeepTheirDataInTheKafkaFolder() {
        StackLayout three = LocalStack.parse(new String[] {"--kafka-brokers", "3", "--data", "/tmp/stack", "--replicas", "2"});

        assertThat(three.kafkaBrokers(), is(3));
        assertThat(three.replicas(), is(Replicas.of(2)));
        assertThat(three.kafkaNodes(), contains(new Kafka.Node(1, 19092, 19093), new Kafka.Node(2, 19094, 19095),
                new Kafka.Node(3, 19096, 19097)));
        assertThat(Kafka.bootstrapServers(three.kafkaNodes()), is("127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096"));
        assertThat(three.kafkaData(), is(Path.of("/tmp/stack/kafka")));
        assertThat(three.ports().byComponent(3).get("Kafka node 3 controller"), is(19097));
        assertThat(three.withReplicas(Replicas.ONE).kafkaBrokers(), is(3));
        assertThat(three.withStyle(StackStyle.HTTP_BROKER).kafkaBrokers(), is(3));
    }

    @Test
    void freePortsGiveEveryKafkaNodeItsOwn() {
        StackLayout three = LocalStack.parse(new String[] {"--free-ports", "--kafka-brokers", "3", "--data", "/tmp/stack"});

        List<Integer> ports = three.kafkaNodes().stream().flatMap(node -> List.of(node.port(), node.controllerPort()).stream())
                .distinct().toList();
        assertThat(ports, hasSize(6));
        assertThat(three.ports().byComponent(3).values().stream().distinct().toList(), hasSize(14));
    }

    @Test
    void brokerCountsThatCannotLoseANodeAreRefused() {
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> LocalStack.parse(new String[] {"--kafka-brokers", "2"}));
        assertThat(two.getMessage(), containsString("1 or 3"));
        assertThrows(IllegalArgumentException.class, () -> LocalStack.parse(new String[] {"--kafka-brokers", "0"}));
        assertThrows(IllegalArgumentException.class, () -> LocalStack.parse(new String[] {"--kafka-brokers", "three"}));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LocalStack.parse(new String[] {"--kafka-brokers"}));
        assertThat(missing.getMessage(), containsString("needs a value"));
        IllegalArgumentException noKafka = assertThrows(IllegalArgumentException.class,
                () -> LocalStack.parse(new String[] {"--style", "http-only", "--kafka-brokers", "3"}));
        assertThat(noKafka.getMessage(), containsString("runs no Kafka"));
    }

    @Test
    void kafkaIsAddressedWholeOrByNode() {
        assertThat(Relay.isKafka("kafka"), is(true));
        assertThat(Relay.isKafka("kafka-2"), is(true));
        assertThat(Relay.isKafka("kafka-"), is(false));
        assertThat(Relay.isKafka("notifications-2"), is(false));
    }
}
