package homework.arch.platform.style;

import java.util.Arrays;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Chooses the beans of the configured {@link Style}: a type marked {@link InStyles} that does not
 * name it is vetoed, so the container never sees it. A value that names no style fails the start
 * with a message that lists the styles. The style is also a bean ({@code @Inject Style}).
 */
public class StyleBeans implements Extension {

    private Style style;
    private IllegalArgumentException invalid;

    /**
     * Read at the first bean type, not at {@code BeforeBeanDiscovery}: a {@code @HelidonTest}'s
     * class-level {@code @AddConfig} is in place only once Helidon's own extension has seen that
     * event, which may come after this one's. (Its {@code @AddConfigSource} methods are read later
     * still, with the test class's type: a test names its style with {@code @AddConfig}.)
     */
    private Style style() {
        if (style == null) {
            style = Style.HTTP_BROKER;
            try {
                style = Style.of(ConfigProvider.getConfig().getOptionalValue(Style.KEY, String.class));
            } catch (IllegalArgumentException e) {
                invalid = e;
            }
        }
        return style;
    }

    <T> void choose(@Observes @WithAnnotations(InStyles.class) ProcessAnnotatedType<T> type) {
        InStyles in = type.getAnnotatedType().getAnnotation(InStyles.class);
        if (in != null && !belongs(in, style())) {
            type.veto();
        }
    }

    void addStyle(@Observes AfterBeanDiscovery discovery) {
        Style chosen = style();
        if (invalid != null) {
            discovery.addDefinitionError(new DefinitionException(invalid.getMessage(), invalid));
            return;
        }
        discovery.addBean().types(Style.class, Object.class).scope(Singleton.class).createWith(context -> chosen);
    }

    /** Whether a bean marked {@code in} exists in {@code style}. */
    static boolean belongs(InStyles in, Style style) {
        return Arrays.asList(in.value()).contains(style);
    }
}
