package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import homework.arch.stack.StackStyle;
import org.junit.jupiter.api.Test;

/** The command line of stack/benchmark/run. */
class SettingsTest {

    private static final Path OUT = Path.of("target/benchmark");

    @Test
    void optionsOverrideTheDefaultsOrTheSmokeSettingsWhereverSmokeStands() {
        Settings s = Settings.parse(new String[] {"--fixed-rate", "70", "--smoke", "--lead-in-seconds", "5",
                "--generator-warmup-seconds", "9"}, OUT);

        assertThat(s.users(), is(Settings.smoke(OUT).users()));
        assertThat(s.fixedRate(), is(70.0));
        assertThat(s.leadInSeconds(), is(5));
        assertThat(s.generatorWarmupSeconds(), is(9));
        assertThat(Settings.defaults(OUT).generatorWarmupSeconds(), is(15));
        assertThat(Settings.parse(new String[0], OUT), is(Settings.defaults(OUT)));
        assertThat(Settings.parse(new String[] {"--out", "/tmp/b"}, OUT).out(), is(Path.of("/tmp/b")));
    }

    @Test
    void theRampGoesToTwiceTheClosedModelsRateUnlessItsTopIsGiven() {
        Settings defaults = Settings.defaults(OUT);

        assertThat(defaults.rampTop(104.3), is(210.0));
        assertThat(defaults.rampTop(2), is(defaults.rampFrom() + 10));
        assertThat(Settings.parse(new String[] {"--ramp-to", "300"}, OUT).rampTop(104.3), is(300.0));
    }

    @Test
    void theStyleIsNamedAsTheStackNamesItAndIsTheDefaultStyleUnlessGiven() {
        assertThat(Settings.defaults(OUT).style(), is(StackStyle.HTTP_BROKER));
        assertThat(Settings.smoke(OUT).style(), is(StackStyle.HTTP_BROKER));
        assertThat(Settings.parse(new String[] {"--style", "http-only", "--smoke"}, OUT),
                is(Settings.smoke(OUT).withStyle(StackStyle.HTTP_ONLY)));
        assertThat(Settings.parse(new String[] {"--style", "http-broker"}, OUT), is(Settings.defaults(OUT)));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--style", "HTTP_ONLY"}, OUT));
        assertThat(unknown.getMessage(), containsString("http-only, http-broker"));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--style"}, OUT));
    }

    @Test
    void anUnknownOptionOrAMissingValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--fixed", "70"}, OUT));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--fixed-rate"}, OUT));
    }
}
