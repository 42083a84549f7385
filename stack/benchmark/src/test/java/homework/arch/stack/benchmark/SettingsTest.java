package homework.arch.stack.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The command line of stack/benchmark/run. */
class SettingsTest {

    private static final Path OUT = Path.of("target/benchmark");

    @Test
    void optionsOverrideTheDefaultsOrTheSmokeSettingsWhereverSmokeStands() {
        Settings s = Settings.parse(new String[] {"--fixed-rate", "70", "--smoke", "--lead-in-seconds", "5",
                "--generator-warmup-seconds", "9"}, OUT);

        assertEquals(Settings.smoke(OUT).users(), s.users());
        assertEquals(70, s.fixedRate());
        assertEquals(5, s.leadInSeconds());
        assertEquals(9, s.generatorWarmupSeconds());
        assertEquals(15, Settings.defaults(OUT).generatorWarmupSeconds());
        assertEquals(Settings.defaults(OUT), Settings.parse(new String[0], OUT));
        assertEquals(Path.of("/tmp/b"), Settings.parse(new String[] {"--out", "/tmp/b"}, OUT).out());
    }

    @Test
    void theRampGoesToTwiceTheClosedModelsRateUnlessItsTopIsGiven() {
        Settings defaults = Settings.defaults(OUT);

        assertEquals(210, defaults.rampTop(104.3));
        assertEquals(defaults.rampFrom() + 10, defaults.rampTop(2));
        assertEquals(300, Settings.parse(new String[] {"--ramp-to", "300"}, OUT).rampTop(104.3));
    }

    @Test
    void anUnknownOptionOrAMissingValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--fixed", "70"}, OUT));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--fixed-rate"}, OUT));
    }
}
