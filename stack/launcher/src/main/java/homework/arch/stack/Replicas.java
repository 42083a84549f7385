package homework.arch.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many processes each service runs: one count for all, with per-service exceptions. Written as
 * on the command line: {@code 2} (two of each), {@code orders=3,notifications=2} (those, one of the
 * rest) or {@code 2,billing=1}.
 */
public record Replicas(int each, Map<String, Integer> byService) {

    /** The consumers of {@code order.events} beyond its partition count would only stand by. */
    static final int MAX_NOTIFICATIONS = Relay.PARTITIONS;

    public static final Replicas ONE = new Replicas(1, Map.of());

    public Replicas {
        byService = Map.copyOf(byService);
        check("every service", each);
        byService.forEach((service, count) -> {
            if (!Stack.SERVICES.contains(service)) {
                throw new IllegalArgumentException("No service " + service + "; the services are " + Stack.SERVICES);
            }
            check(service, count);
        });
        int notifications = byService.getOrDefault("notifications", each);
        if (notifications > MAX_NOTIFICATIONS) {
            throw new IllegalArgumentException(notifications + " notifications replicas, but order.events has "
                    + MAX_NOTIFICATIONS + " partitions: the replicas beyond that would get none");
        }
    }

    public static Replicas of(int each) {
        return new Replicas(each, Map.of());
    }

    public static Replicas parse(String spec) {
        int each = 1;
        Map<String, Integer> byService = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] pair = part.trim().split("=", 2);
            try {
                if (pair.length == 1) {
                    each = Integer.parseInt(pair[0]);
                } else {
                    byService.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--replicas takes N or service=N,..., not " + spec);
            }
        }
        return new Replicas(each, byService);
    }

    public int of(String service) {
        return byService.getOrDefault(service, each);
    }

    /** Whether any service runs more than one process. */
    public boolean scaledOut() {
        return Stack.SERVICES.stream().anyMatch(service -> of(service) > 1);
    }

    private static void check(String what, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Replicas of " + what + " must be at least 1, not " + count);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        Stack.SERVICES.forEach(service -> text.append(text.isEmpty() ? "" : ", ").append(service).append(' ').append(of(service)));
        return text.toString();
    }
}
