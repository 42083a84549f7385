package homework.arch.stack;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The interaction style the stack runs its services in ({@code --style}, {@code STACK_STYLE}); each
 * service gets it as {@code STYLE}, which platform's {@code Style} reads by the same names. A style
 * starts only what it uses: style 1 has no Kafka and no relay.
 */
public enum StackStyle {

    /** Style 1: HTTP only; orders stores the letter through notifications. */
    HTTP_ONLY("http-only", List.of()),
    /** Style 2, the default: orders' outbox to Kafka through Debezium Server, for the letters. */
    HTTP_BROKER("http-broker", List.of("orders"));

    private final String configName;
    private final List<String> outboxDatabases;

    StackStyle(String configName, List<String> outboxDatabases) {
        this.configName = configName;
        this.outboxDatabases = outboxDatabases;
    }

    /** As the services, the chart and {@code STACK_STYLE} name it. */
    public String configName() {
        return configName;
    }

    /** Whether this style runs Kafka and a relay. */
    public boolean broker() {
        return !outboxDatabases.isEmpty();
    }

    /** The databases whose outbox a relay streams to Kafka, one Debezium Server each. */
    public List<String> outboxDatabases() {
        return outboxDatabases;
    }

    public static StackStyle parse(String name) {
        return Arrays.stream(values()).filter(style -> style.configName.equals(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--style " + name + " is not a style; one of "
                        + Arrays.stream(values()).map(StackStyle::configName).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return configName;
    }
}
