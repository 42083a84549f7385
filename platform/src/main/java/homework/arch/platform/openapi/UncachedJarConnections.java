package homework.arch.platform.openapi;

import java.net.URLConnection;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * From just before the web server starts, every {@code jar:} URL connection of the JVM opens its
 * own jar file instead of sharing the JDK's cached one.
 *
 * <p>Helidon 4.2.0's static content, which serves the OpenAPI UI's scripts out of the
 * smallrye-open-api-ui jar, closes the jar file of every asset it looks up for the first time
 * (helidon-io/helidon#9908). With the JDK's default that is the one cached {@code JarFile} all
 * connections to the jar share, so a browser fetching the page's assets together had one request
 * close the file another was still reading: that asset arrived cut short, or was extracted cut short
 * and then served cut, with a matching {@code Content-Length}, until the service restarted (a blank
 * page: "Unexpected end of input"). Helidon 4.2.1 fixed it by opening those connections without
 * caches (helidon-io/helidon#9943); this does the same for every jar connection, once the
 * start-up's reads are done. Remove it once Helidon is past 4.2.0; billing's {@code OpenApiUiTest}
 * fails without it.
 */
@ApplicationScoped
public class UncachedJarConnections {

    /** The web server starts at {@code PLATFORM_AFTER + 100}. */
    void beforeServing(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) @Initialized(ApplicationScoped.class)
                       Object event) {
        URLConnection.setDefaultUseCaches("jar", false);
    }
}
