package homework.arch.stack.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import homework.arch.stack.fixtures.Git;
import homework.arch.stack.fixtures.RecordedRuns;
import homework.arch.stack.fixtures.RecordedRuns.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * The fault runs recorded in docs/guarantees.md are of the production code of HEAD: each suite's
 * block names a commit whose {@link #PRODUCTION production code} is HEAD's, recorded on a work tree
 * with no change beside docs/, and every check passed. Otherwise the failure names the suite and the
 * command that records it again.
 */
class RecordedRunsTest {

    /** The suites, by the folder of their report, in the order of docs/guarantees.md. */
    static final List<String> SUITES = List.of("chaos", "chaos-2-replicas", "chaos-3-brokers", "chaos-http-only",
            "chaos-event-collaboration");
    /**
     * Production code, as git pathspecs: what is built into the services and the relay, or deployed with
     * them, and what starts them locally. The main sources and build files of platform, the four services
     * (users' client too), the local launcher and the fixtures that start PostgreSQL, Kafka and Debezium
     * Server; the JVM options of the launcher, Kafka and Debezium Server (stack/lib); the root build file
     * (library versions); outbox-relay's configuration and the chart, their READMEs aside. Not production
     * code: docs, tests, the scripts and the benchmark.
     */
    static final String[] PRODUCTION = {
            "pom.xml",
            "platform/pom.xml", "platform/src/main",
            "users/pom.xml", "users/src/main", "users/client/pom.xml", "users/client/src/main",
            "billing/pom.xml", "billing/src/main",
            "orders/pom.xml", "orders/src/main",
            "notifications/pom.xml", "notifications/src/main",
            "stack/launcher/pom.xml", "stack/launcher/src/main",
            "stack/fixtures/pom.xml", "stack/fixtures/src/main",
            "stack/lib",
            "outbox-relay", ":(exclude)outbox-relay/README.md",
            "helm", ":(exclude)helm/README.md",
    };

    @Test
    void everyRecordedFaultRunIsOfTheProductionCodeOfHead() {
        List<Block> blocks = RecordedRuns.blocks(Docs.read(Docs.root().resolve(RecordedRuns.DOC)));
        List<String> problems = problems(Docs.root(), blocks);
        assertThat("fault runs of " + RecordedRuns.DOC + " to record at HEAD:\n" + String.join("\n", problems), problems,
                is(empty()));
    }

    @Test
    void theGuaranteesHoldOneBlockPerSuite() {
        List<Block> blocks = RecordedRuns.blocks(Docs.read(Docs.root().resolve(RecordedRuns.DOC)));
        assertThat(blocks.stream().map(Block::suite).toList(), contains(SUITES.toArray()));
    }

    @Test
    void everyProductionPathExists() {
        for (String path : PRODUCTION) {
            if (!path.startsWith(":(exclude)")) {
                assertThat(path, Files.exists(Docs.root().resolve(path)), is(true));
            }
        }
    }

    @Test
    void aRunIsCurrentUntilProductionCodeChangesNotWhenDocsOrTestsDo(@TempDir Path repo) throws IOException {
        git(repo, "init", "-q");
        write(repo, "platform/src/main/A.java", "a");
        write(repo, "platform/src/test/ATest.java", "t");
        write(repo, "helm/templates/a.yaml", "a: 1");
        write(repo, "helm/README.md", "chart");
        write(repo, "docs/guarantees.md", "doc");
        String recorded = commit(repo, "first");
        write(repo, "platform/src/test/ATest.java", "t2");
        write(repo, "helm/README.md", "chart, better told");
        write(repo, "docs/guarantees.md", "doc2");
        commit(repo, "docs and tests");

        assertThat(problem(repo, block(recorded)), is(Optional.empty()));

        write(repo, "helm/templates/a.yaml", "a: 2");
        String changed = commit(repo, "a template");

        assertThat(problem(repo, block(recorded)).orElseThrow(), is("chaos-2-replicas was recorded at " + recorded
                + ", and production code changed since: helm/templates/a.yaml; record it again: stack/chaos --replicas 2 --publish"));
        assertThat(problem(repo, block(changed)), is(Optional.empty()));
    }

    @Test
    void aBlockAtThisCheckoutsHeadIsCurrent() {
        assertThat(problem(Docs.root(), block(Git.head(Docs.root()))), is(Optional.empty()));
    }

    @Test
    void aRunNotRecordedOnAChangedTreeFailedOrOfAnUnknownCommitIsNamedWithItsCommand() {
        Path repo = Docs.root();
        String head = Git.head(repo);
        String command = "stack/chaos --style http-only --publish";
        assertThat(problem(repo, new Block("chaos-http-only", command, null, false, false)).orElseThrow(),
                is("chaos-http-only is not recorded; record it: " + command));
        assertThat(problem(repo, new Block("chaos", "stack/chaos", head, false, true)).orElseThrow(),
                is("chaos was recorded at " + head + " on a work tree with changes beside docs/; record it again: stack/chaos --publish"));
        assertThat(problem(repo, new Block("chaos", "stack/chaos --publish", head, true, false)).orElseThrow(),
                is("chaos was recorded at " + head + " and a check failed; record it again: stack/chaos --publish"));
        assertThat(problem(repo, new Block("chaos", "stack/chaos --publish", "0000000", true, true)).orElseThrow(),
                containsString("chaos was recorded at 0000000, which this clone's history does not hold ("));
    }

    /** What is wrong with {@code block} as a record of the production code of {@code repo}'s HEAD, if anything. */
    static Optional<String> problem(Path repo, Block block) {
        String command = block.command().contains("--publish") ? block.command() : block.command() + " --publish";
        if (block.commit() == null) {
            return Optional.of(block.suite() + " is not recorded; record it: " + command);
        }
        String again = "; record it again: " + command;
        String at = block.suite() + " was recorded at " + block.commit();
        List<String> changed;
        try {
            changed = Git.changedSince(repo, block.commit(), PRODUCTION);
        } catch (IllegalStateException e) {
            return Optional.of(at + ", which this clone's history does not hold (" + e.getMessage() + ")" + again);
        }
        if (!changed.isEmpty()) {
            String files = changed.size() <= 5 ? String.join(", ", changed)
                    : String.join(", ", changed.subList(0, 5)) + " and " + (changed.size() - 5) + " more";
            return Optional.of(at + ", and production code changed since: " + files + again);
        }
        if (!block.clean()) {
            return Optional.of(at + " on a work tree with changes beside docs/" + again);
        }
        if (!block.passed()) {
            return Optional.of(at + " and a check failed" + again);
        }
        return Optional.empty();
    }

    /** The problem of each block that has one. */
    static List<String> problems(Path repo, List<Block> blocks) {
        List<String> problems = new ArrayList<>();
        blocks.forEach(block -> problem(repo, block).ifPresent(problems::add));
        return problems;
    }

    private static Block block(String commit) {
        return new Block("chaos-2-replicas", "stack/chaos --replicas 2 --publish", commit, true, true);
    }

    private static void write(Path repo, String file, String text) throws IOException {
        Files.createDirectories(repo.resolve(file).getParent());
        Files.writeString(repo.resolve(file), text);
    }

    private static String commit(Path repo, String message) {
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=test", "-c", "user.email=test@localhost", "-c", "commit.gpgsign=false", "commit", "-q",
                "-m", message);
        return Git.head(repo);
    }

    private static void git(Path repo, String... args) {
        Git.run(repo, args);
    }
}
