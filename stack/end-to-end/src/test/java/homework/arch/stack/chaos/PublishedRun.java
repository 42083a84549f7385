package homework.arch.stack.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import homework.arch.stack.fixtures.Git;
import homework.arch.stack.fixtures.RecordedRuns;
import homework.arch.stack.fixtures.Repository;

/**
 * Puts a fault run into its suite's block of docs/guarantees.md ({@link RecordedRuns}), the other
 * suites' blocks kept: the command, the commit and whether the work tree held changes beside docs/,
 * the date, the cores, the seed and the minutes of load, the verdict, and the tables of its
 * {@code report.md}. {@code stack/chaos ... --publish} asks for it ({@code -Dchaos.publish=<the command>}).
 */
final class PublishedRun {

    private PublishedRun() {
    }

    /** Fails before the run if docs/guarantees.md has no block for {@code suite}. */
    static void requireBlock(String suite) {
        RecordedRuns.withBlock(read(doc()), suite, "");
    }

    static void publish(String suite, String command, double minutes, long seed, List<FaultResult> results) {
        Path repo = Repository.root();
        boolean clean = Git.uncommitted(repo, ".", ":(exclude)docs").isEmpty();
        String text = block(command, Git.head(repo), clean, LocalDate.now(ZoneOffset.UTC),
                Runtime.getRuntime().availableProcessors(), minutes, seed, results);
        try {
            Files.writeString(doc(), RecordedRuns.withBlock(read(doc()), suite, text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[chaos] published the run into " + doc() + ", block " + suite);
    }

    static String block(String command, String commit, boolean clean, LocalDate date, int cores, double minutes, long seed,
                        List<FaultResult> results) {
        List<String> failed = results.stream().filter(r -> !r.passed()).map(FaultResult::component).toList();
        String verdict = failed.isEmpty() ? RecordedRuns.PASSED
                : "checks failed for " + String.join(", ", failed) + " (its report.md names them)";
        String rest = String.format(Locale.ROOT, "on %s (%d cores, seed %d, %s minutes of load): %s.", date, cores, seed,
                BigDecimal.valueOf(minutes).stripTrailingZeros().toPlainString(), verdict);
        return RecordedRuns.header(command, commit, clean, rest) + "\n\n" + FaultReport.tables(results);
    }

    private static Path doc() {
        return Repository.root().resolve(RecordedRuns.DOC);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
