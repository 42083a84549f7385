package homework.arch.stack.chaos;

import java.util.List;

/** One invariant's verdict, with up to a few examples of what broke it. */
public record Check(String name, boolean passed, String summary, List<String> violations) {

    static Check of(String name, String summary, List<String> violations) {
        return new Check(name, violations.isEmpty(), summary, violations.stream().limit(10).toList());
    }
}
