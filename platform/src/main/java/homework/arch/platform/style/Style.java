package homework.arch.platform.style;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the services interact, chosen per installation by the configuration key {@value #KEY}
 * (environment {@code STYLE}); docs/interaction-styles.md compares the three. The same services run
 * in each: what differs is a set of beans ({@link InStyles}).
 */
public enum Style {

    /** Style 1: every interaction is an HTTP call; orders stores the letter through notifications' API. */
    HTTP_ONLY("http-only"),
    /** Style 2, the default: the money moves over HTTP, the letter through an outbox, Debezium and Kafka. */
    HTTP_BROKER("http-broker"),
    /** Style 3: no service calls another; each publishes facts through its outbox and reacts to others'. */
    EVENT_COLLABORATION("event-collaboration");

    /** The configuration key that names the style. */
    public static final String KEY = "style";

    private final String configName;

    Style(String configName) {
        this.configName = configName;
    }

    /** The name in configuration, in the chart's {@code style} value and in {@code STACK_STYLE}. */
    public String configName() {
        return configName;
    }

    /** The style a configuration value names; absent means the default, {@link #HTTP_BROKER}. */
    public static Style of(Optional<String> configured) {
        return configured.map(String::trim).filter(name -> !name.isEmpty()).map(Style::named).orElse(HTTP_BROKER);
    }

    private static Style named(String name) {
        return Arrays.stream(values()).filter(style -> style.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("style=" + name + " is not a style; one of "
                        + Arrays.stream(values()).map(Style::configName).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return configName;
    }
}
