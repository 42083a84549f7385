package homework.arch.platform.client;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How many idle connections to each other service the REST clients keep open. They send through
 * the JDK's {@code HttpURLConnection}, which keeps at most {@code http.maxConnections} idle
 * connections per destination (5 by default) and closes any further one after its answer: with
 * more calls in flight than that, every call beyond the fifth opened a new TCP connection. The JDK
 * reads the property once, before the first connection, so this sets it once the container has
 * started (its configuration complete) and before any request, from
 * {@code client.max-idle-connections} (platform's default: 32, as many as a service's
 * {@code api.max-concurrent-requests}), unless the JVM was started with it.
 */
public class KeptConnections implements Extension {

    static final String PROPERTY = "http.maxConnections";

    void keep(@Observes AfterDeploymentValidation started) {
        if (System.getProperty(PROPERTY) == null) {
            int idle = ConfigProvider.getConfig().getValue("client.max-idle-connections", Integer.class);
            System.setProperty(PROPERTY, String.valueOf(idle));
        }
    }
}
