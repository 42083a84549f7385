package homework.arch.stack.rehearsal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the chart's in-cluster addresses ({@code arch-postgres:5432}, {@code http://arch-billing})
 * into the local stack's ({@code 127.0.0.1:<port>}). Only the chart's own Services are known, and a
 * value naming one of them that cannot be turned fails, rather than reaching a name nothing resolves.
 */
final class ClusterAddresses {

    private final Map<String, List<Integer>> servicePorts;
    private final Map<String, Integer> localPorts;
    private final Pattern names;

    /**
     * @param servicePorts the chart's Services by name, with their ports
     * @param localPorts   where each of them listens locally, by the same name
     */
    ClusterAddresses(Map<String, List<Integer>> servicePorts, Map<String, Integer> localPorts) {
        this.servicePorts = Map.copyOf(servicePorts);
        this.localPorts = Map.copyOf(localPorts);
        String alternatives = servicePorts.keySet().stream().sorted(Comparator.comparing(String::length).reversed())
                .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElse("(?!)");
        // A name counts only as a whole host: not inside a longer name, optionally with a port.
        this.names = Pattern.compile("(?<![\\w.-])(" + alternatives + ")(?![\\w-])(?::(\\d+))?");
    }

    String rewrite(String value) {
        Matcher m = names.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String host = m.group(1);
            int port = m.group(2) != null ? Integer.parseInt(m.group(2)) : 80;
            if (!servicePorts.get(host).contains(port)) {
                throw new IllegalStateException(value + ": Service " + host + " has no port " + port);
            }
            Integer local = localPorts.get(host);
            if (local == null) {
                throw new IllegalStateException(value + ": the local stack runs nothing for " + host);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("127.0.0.1:" + local));
        }
        m.appendTail(out);
        return out.toString();
    }
}
