package homework.arch.stack.chart;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads (enough PromQL for our alerts and dashboard, no parser). */
final class PromQl {

    private static final Pattern STRIPPED = Pattern.compile(String.join("|",
            "\\{[^}]*}",                                                              // label matchers
            "\\[[^]]*]",                                                              // ranges
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)",      // label lists
            "\\$\\w+"));                                                              // Grafana variables
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-zA-Z_:][\\w:]*(?!\\w)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        Matcher identifiers = IDENTIFIER.matcher(STRIPPED.matcher(expression).replaceAll(" "));
        Set<String> names = new TreeSet<>();
        while (identifiers.find()) {
            if (!KEYWORDS.contains(identifiers.group().toLowerCase())) {
                names.add(identifiers.group());
            }
        }
        return names;
    }
}
