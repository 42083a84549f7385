package homework.arch.platform.style;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedMember;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Chooses the beans of the configured {@link Style}: a bean whose class is marked {@link InStyles}
 * without naming it is vetoed (with the producers it declares), so the container never sees it:
 * no injection, no observer, no resource path. The style is read once every type is discovered,
 * when the configuration is complete (a test's added sources included). A value that names no
 * style fails the start with a message that lists the styles. The style is also a bean
 * ({@code @Inject Style}).
 */
public class StyleBeans implements Extension {

    private static final Logger LOG = System.getLogger(StyleBeans.class.getName());

    private Style style = Style.HTTP_BROKER;
    private IllegalArgumentException invalid;

    void readStyle(@Observes AfterTypeDiscovery discovery) {
        try {
            style = Style.of(ConfigProvider.getConfig().getOptionalValue(Style.KEY, String.class));
            LOG.log(Level.INFO, "Interaction style: {0}", style);
        } catch (IllegalArgumentException e) {
            invalid = e;
        }
    }

    <T> void choose(@Observes ProcessBeanAttributes<T> bean) {
        InStyles in = styles(bean.getAnnotated());
        if (in != null && !belongs(in, style)) {
            bean.veto();
        }
    }

    void addStyle(@Observes AfterBeanDiscovery discovery) {
        if (invalid != null) {
            discovery.addDefinitionError(new DefinitionException(invalid.getMessage(), invalid));
            return;
        }
        discovery.addBean().types(Style.class, Object.class).scope(Singleton.class).createWith(context -> style);
    }

    /** The styles of a bean's class, or of the class that declares a producer. */
    private static InStyles styles(Annotated annotated) {
        if (annotated instanceof AnnotatedMember<?> member) {
            return member.getDeclaringType().getAnnotation(InStyles.class);
        }
        return annotated.getAnnotation(InStyles.class);
    }

    /** Whether a bean marked {@code in} exists in {@code style}. */
    static boolean belongs(InStyles in, Style style) {
        return Arrays.asList(in.value()).contains(style);
    }
}
