package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.DatabaseLogin;
import homework.arch.stack.fixtures.Repository;

/**
 * How many orders per second the stack's PostgreSQL itself can write: {@link OrderWrites} run flat
 * out by {@code clients} connections against a {@code bench} database on the same server, so with
 * the same durability settings ({@code fsync}, {@code synchronous_commit}) and the same logical
 * decoding load (none in a style without a relay), writing as the run's style writes. With
 * {@code pgbench} on the PATH it runs it; otherwise {@link JdbcBench}.
 */
final class DatabaseLimit {

    static final String DATABASE = "bench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** Orders per second, and what measured it. */
    record Result(double ordersPerSecond, String tool, int clients, int seconds) {
    }

    private DatabaseLimit() {
    }

    /**
     * {@code superuser}: the stack's PostgreSQL asks every role, this one too, for its password;
     * {@code style}: whose writes ({@link OrderWrites#transactions}).
     */
    static Result measure(DatabaseLogin superuser, int clients, int seconds, StackStyle style, Path workDirectory,
                          Path log) {
        prepare(superuser);
        String pgbench = pgbench();
        if (pgbench == null) {
            return new Result(JdbcBench.run(superuser, DATABASE, clients, seconds, style),
                    "JDBC equivalent (no pgbench on PATH)", clients, seconds);
        }
        return new Result(runPgbench(pgbench, superuser, clients, seconds, style, workDirectory, log),
                "pgbench " + version(pgbench), clients, seconds);
    }

    /** A fresh bench database: each service's migrations in a schema named after it, accounts seeded. */
    private static void prepare(DatabaseLogin superuser) {
        execute(superuser, "postgres", List.of("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)",
                "CREATE DATABASE " + DATABASE));
        StringBuilder ddl = new StringBuilder();
        for (String schema : OrderWrites.SCHEMAS) {
            ddl.append("CREATE SCHEMA ").append(schema).append(";\nSET search_path TO ").append(schema).append(";\n");
            migrations(schema).forEach(file -> ddl.append(read(file)).append(";\n"));
        }
        execute(superuser, DATABASE, List.of(ddl.toString(), "SET search_path TO public", OrderWrites.ACCOUNTS_SEED));
    }

    private static List<Path> migrations(String service) {
        Path folder = Repository.root().resolve(service).resolve("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No migrations in " + folder, e);
        }
    }

    private static double runPgbench(String pgbench, DatabaseLogin superuser, int clients, int seconds,
                                     StackStyle style, Path work, Path log) {
        try {
            Path script = work.resolve("order-writes.pgbench");
            Files.writeString(script, OrderWrites.pgbenchScript(style));
            ProcessBuilder command = new ProcessBuilder(pgbench, "-h", "127.0.0.1", "-p", String.valueOf(superuser.port()),
                    "-U", superuser.user(), "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2",
                    "-T", String.valueOf(seconds), "-f", script.toString(), DATABASE)
                    .redirectErrorStream(true);
            command.environment().put("PGPASSWORD", superuser.password());
            Process process = command.start();
            String output = new String(process.getInputStream().readAllBytes());
            Files.writeString(log, output);
            int exit = process.waitFor();
            Matcher tps = TPS.matcher(output);
            if (exit != 0 || !tps.find()) {
                throw new IllegalStateException("pgbench failed (exit " + exit + "):\n" + output);
            }
            return Double.parseDouble(tps.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String pgbench() {
        if (Boolean.getBoolean("bench.jdbcLimit")) {
            return null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static String version(String pgbench) {
        try {
            Process process = new ProcessBuilder(pgbench, "--version").redirectErrorStream(true).start();
            return new String(process.getInputStream().readAllBytes()).trim().replace("pgbench (PostgreSQL) ", "");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    private static void execute(DatabaseLogin superuser, String database, List<String> statements) {
        try (Connection connection = superuser.connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Preparing the bench database failed: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
