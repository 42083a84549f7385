package homework.arch.stack.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/** Every relative link and image of the README and docs/*.md points at a file of the checkout. */
class MarkdownLinksTest {

    /** {@code [text](target)} and {@code ![alt](target)}, target up to a space or the closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : Docs.markdown()) {
            for (String target : links(Docs.read(file))) {
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                checked++;
                String path = target.replaceFirst("#.*$", "");
                if (!Files.exists(file.getParent().resolve(path).normalize())) {
                    broken.add(Docs.root().relativize(file) + " -> " + target);
                }
            }
        }
        assertThat("broken links", broken, is(empty()));
        assertThat("only " + checked + " relative links found: is the pattern still right?", checked,
                greaterThanOrEqualTo(10));
    }

    @Test
    void findsLinksOutsideCodeFencesOnly() {
        String text = "See [a](docs/a.md) and ![b](b.png \"title\").\n```\n[c](not-a-link.md)\n```\n[d](https://x.org)";
        assertThat(links(text), contains("docs/a.md", "b.png", "https://x.org"));
    }

    static List<String> links(String markdown) {
        Matcher matcher = LINK.matcher(FENCE.matcher(markdown).replaceAll(""));
        List<String> links = new ArrayList<>();
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }
}
