package homework.arch.stack.ingress;

import java.net.URI;
import java.util.Map;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The one public port of the local stack: a reverse proxy to the services, routed like the Kubernetes Ingress. */
public final class Ingress implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    private Ingress(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts listening; {@code endpoints} maps each routed service name to its replicas in rotation,
     * over which each request is balanced.
     */
    public static Ingress start(IngressSettings settings, RouteTable routes, Map<String, Endpoints> endpoints) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("ingress");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false); // the service's Date is passed on; two would confuse clients
        // No header cache per client connection: Jetty's default (a trie of 1024 characters) takes 96 KB
        // of heap for each, which clients that open a connection per request multiply by every
        // connection open at once, for headers that are only forwarded.
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        server.addConnector(connector);
        SizeLimitHandler limit = new SizeLimitHandler(settings.maxRequestBytes(), -1);
        limit.setHandler(new RoutingProxy(routes, endpoints, settings.upstreamTimeout()));
        server.setHandler(limit);
        server.setErrorHandler(new ProblemErrorHandler());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("The ingress could not listen on " + settings.host() + ":" + settings.port(), e);
        }
        return new Ingress(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        return URI.create("http://" + connector.getHost() + ":" + port());
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("ingress: stop failed: " + e);
        }
    }
}
