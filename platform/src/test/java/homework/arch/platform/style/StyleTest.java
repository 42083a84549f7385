package homework.arch.platform.style;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StyleTest {

    @InStyles(Style.HTTP_ONLY)
    static final class OnlyInStyleOne {
    }

    @InStyles({Style.HTTP_BROKER, Style.EVENT_COLLABORATION})
    static final class WithABroker {
    }

    @Test
    void anInstallationWithoutAStyleRunsStyleTwo() {
        assertThat(Style.of(Optional.empty()), is(Style.HTTP_BROKER));
        assertThat(Style.of(Optional.of(" ")), is(Style.HTTP_BROKER));
    }

    @Test
    void eachStyleIsNamedAsTheChartAndTheStackNameIt() {
        assertThat(Style.of(Optional.of("http-only")), is(Style.HTTP_ONLY));
        assertThat(Style.of(Optional.of("http-broker")), is(Style.HTTP_BROKER));
        assertThat(Style.of(Optional.of("event-collaboration")), is(Style.EVENT_COLLABORATION));
    }

    @Test
    void aValueThatNamesNoStyleIsRefusedWithTheStylesListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Style.of(Optional.of("HTTP_ONLY")));
        assertThat(e.getMessage(), containsString("style=HTTP_ONLY is not a style; one of http-only, http-broker, event-collaboration"));
    }

    @Test
    void aBeanBelongsOnlyToTheStylesItNames() {
        InStyles one = OnlyInStyleOne.class.getAnnotation(InStyles.class);
        InStyles broker = WithABroker.class.getAnnotation(InStyles.class);
        assertThat(StyleBeans.belongs(one, Style.HTTP_ONLY), is(true));
        assertThat(StyleBeans.belongs(one, Style.HTTP_BROKER), is(false));
        assertThat(StyleBeans.belongs(broker, Style.HTTP_ONLY), is(false));
        assertThat(StyleBeans.belongs(broker, Style.EVENT_COLLABORATION), is(true));
    }
}
