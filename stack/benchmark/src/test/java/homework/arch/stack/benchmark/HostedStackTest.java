package homework.arch.stack.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import homework.arch.stack.StackPorts;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

class HostedStackTest {

    @Test
    void theBenchmarkReadsBackWhatTheStacksJvmWrote() {
        StackPorts ports = StackPorts.free();
        Map<String, HostedStack.Replica> replicas = new LinkedHashMap<>();
        replicas.put("users", new HostedStack.Replica(4101, 41001));
        replicas.put("orders-1", new HostedStack.Replica(4102, 41002));
        replicas.put("orders-2", new HostedStack.Replica(4103, 41003));

        Properties written = StackHost.describe(ports, "s3cret", replicas);

        assertThat(HostedStack.ports(written), is(ports));
        assertThat(HostedStack.replicas(written), is(replicas));
        assertThat(List.copyOf(HostedStack.replicas(written).keySet()), contains("users", "orders-1", "orders-2"));
        assertThat(written.getProperty("superuser.password"), is("s3cret"));
    }

    @Test
    void theStacksJvmGetsTheHeapAndGcOptionsOfTheBenchmarksOnly() {
        List<String> benchmark = List.of("-XX:+UseSerialGC", "-Xms96m", "-Xmx256m", "-XX:CompileThresholdScaling=3",
                "-Dfile.encoding=UTF-8", "-javaagent:/tmp/agent.jar", "--enable-native-access=ALL-UNNAMED");

        assertThat(HostedStack.jvmOptions(benchmark),
                contains("-XX:+UseSerialGC", "-Xms96m", "-Xmx256m", "-XX:CompileThresholdScaling=3"));
    }
}
