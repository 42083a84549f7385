package homework.arch.stack.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * Every module's tests assert in one style (docs/development.md, the one test kit): Hamcrest's
 * {@code assertThat}. Of JUnit's {@code Assertions} a test uses only what Hamcrest has no counterpart
 * for: {@code assertThrows} for an expected exception, {@code assertTimeoutPreemptively} to bound a
 * wait, {@code fail} as control. The test sources are read rather than checked with ArchUnit: each
 * module's test classes are on that module's class path only.
 */
class OneAssertionStyleTest {

    private static final Set<String> ALLOWED = Set.of("assertThrows", "assertThrowsExactly", "assertTimeout",
            "assertTimeoutPreemptively", "fail");
    /** A use of JUnit's Assertions: a static import (one name or all), a qualified call. */
    private static final Pattern JUNIT_ASSERTION = Pattern.compile("\\bAssertions\\.(\\w+|\\*)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void everyTestAssertsWithHamcrest() {
        List<Path> sources = Docs.checkout().stream()
                .filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/test/")).toList();
        assertThat(sources, hasItem(Docs.root().resolve(
                "stack/docs-tests/src/test/java/homework/arch/stack/docs/OneAssertionStyleTest.java")));
        List<String> found = new ArrayList<>();
        for (Path source : sources) {
            found.addAll(junitAssertions(Docs.root().relativize(source), Docs.read(source)));
        }
        assertThat("assert with Hamcrest's assertThat; of JUnit's Assertions only " + new TreeSet<>(ALLOWED), found,
                is(empty()));
    }

    @Test
    void aStaticImportAWildcardOrAQualifiedCallOfAnotherAssertionIsNamedWithItsLine() {
        String source = String.join("\n",
                "import static org.junit.jupiter.api.Assertions.assertThrows;",
                "import static org.junit.jupiter.api.Assertions.assertEquals;",
                "import static org.junit.jupiter.api.Assertions.*;",
                "class T {",
                "    void t() {",
                "        org.junit.jupiter.api.Assertions.assertTrue(true, \"Assertions.assertNull in a message\");",
                "        Assertions.fail(\"control\");",
                "    }",
                "}");

        assertThat(junitAssertions(Path.of("m/src/test/java/T.java"), source), contains(
                "m/src/test/java/T.java:2: Assertions.assertEquals",
                "m/src/test/java/T.java:3: Assertions.*",
                "m/src/test/java/T.java:6: Assertions.assertTrue"));
    }

    /** Each use of a JUnit assertion that is not allowed: the file, the line and the assertion's name. */
    static List<String> junitAssertions(Path file, String source) {
        List<String> found = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher use = JUNIT_ASSERTION.matcher(STRING_LITERAL.matcher(lines[i]).replaceAll("\"\""));
            while (use.find()) {
                if (!ALLOWED.contains(use.group(1))) {
                    found.add(file + ":" + (i + 1) + ": Assertions." + use.group(1));
                }
            }
        }
        return found;
    }
}
