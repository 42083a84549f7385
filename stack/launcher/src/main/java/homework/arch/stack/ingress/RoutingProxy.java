package homework.arch.stack.ingress;

import java.net.ConnectException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * Jetty's reverse proxy, aimed by the route table. Like nginx's default ({@code proxy_request_buffering
 * on}), it reads a request's whole body before it calls the service: a body over the limit is a 413
 * problem even when it comes chunked, the service gets it with a {@code Content-Length}, and a
 * service that answers before reading it cannot leave the client's connection half-read.
 *
 * <p>Routing uses the path Jetty has already decoded and normalized ({@code /users/../internal/x} is
 * {@code /internal/x}; ambiguous encodings such as {@code %2e%2e} or {@code %2f} were refused with 400
 * before this runs), and the service receives that normalized path re-encoded, never the raw one:
 * what was routed is what arrives.
 *
 * <p>A service with several replicas is balanced per request, round robin over its endpoints in
 * rotation, as ingress-nginx does over a Service's ready endpoints: a replica that fails its
 * readiness probe (the balancer's) gets no new request. A request already sent to a replica that
 * then leaves the rotation is left to finish or to reach the upstream timeout, as nginx leaves it;
 * nothing else waits on that replica, since each request is balanced on its own. A replica that
 * refuses the connection (killed, or not listening yet) never saw the request, so the request goes
 * to the next replica, as nginx's {@code proxy_next_upstream error}; a request that reached a
 * replica is never sent twice.
 */
final class RoutingProxy extends ProxyHandler {

    private static final String TARGET = RoutingProxy.class.getName() + ".target";
    private static final String BODY = RoutingProxy.class.getName() + ".body";
    private static final String ATTEMPT = RoutingProxy.class.getName() + ".attempt";

    private final RouteTable routes;
    private final Map<String, Endpoints> endpoints = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> next = new LinkedHashMap<>();
    private final Duration timeout;

    RoutingProxy(RouteTable routes, Map<String, Endpoints> endpoints, Duration timeout) {
        routes.services().forEach(service -> {
            if (!endpoints.containsKey(service)) {
                throw new IllegalArgumentException("No endpoint for routed service " + service);
            }
            this.endpoints.put(service, endpoints.get(service));
            this.next.put(service, new AtomicInteger());
        });
        this.routes = routes;
        this.timeout = timeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Optional<RouteTable.Target> target = path == null ? Optional.empty() : routes.resolve(path);
        if (target.isEmpty()) {
            Problems.write(response, callback, 404, "No public route for " + path);
            return true;
        }
        String service = target.get().service();
        List<URI> replicas = endpoints.get(service).inRotation();
        aim(request, new Attempt(target.get(), replicas, Math.floorMod(next.get(service).getAndIncrement(), replicas.size()), 1));
        Response rewriting = new LocationRewriting(request, response, target.get().route());
        if (!mayHaveBody(request)) {
            return super.handle(request, rewriting, callback);
        }
        Content.Source.asByteBufferAsync(request).whenComplete((body, failure) -> {
            if (failure != null) {
                refuseBody(response, callback, failure);
                return;
            }
            request.setAttribute(BODY, body);
            if (!super.handle(request, rewriting, callback)) {
                Problems.write(response, callback, 404, "No public route for " + path);
            }
        });
        return true;
    }

    private void aim(Request request, Attempt attempt) {
        request.setAttribute(ATTEMPT, attempt);
        request.setAttribute(TARGET, HttpURI.build(attempt.replicas().get(attempt.endpoint()))
                .path(URIUtil.encodePath(attempt.target().path()))
                .query(request.getHttpURI().getQuery())
                .asImmutable());
    }

    private static boolean mayHaveBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** The body could not be read whole: over the limit (the size handler's 413), or broken off. */
    private static void refuseBody(Response response, Callback callback, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        int status = cause instanceof HttpException http ? http.getCode() : 400;
        response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the rest of the body is never read
        Problems.write(response, callback, status, status == 413 ? "The request body is larger than the ingress accepts"
                : "The request body could not be read");
    }

    @Override
    protected org.eclipse.jetty.client.Request.Content newProxyToServerRequestContent(Request request, Response response,
                                                                                      org.eclipse.jetty.client.Request upstream) {
        return request.getAttribute(BODY) instanceof ByteBuffer body ? new ByteBufferRequestContent(body.slice())
                : super.newProxyToServerRequestContent(request, response, upstream);
    }

    /** A buffered body goes on with its length; the client's 100-continue was answered by reading it. */
    @Override
    protected void copyRequestHeaders(Request request, org.eclipse.jetty.client.Request upstream) {
        super.copyRequestHeaders(request, upstream);
        if (request.getAttribute(BODY) instanceof ByteBuffer body) {
            upstream.headers(headers -> headers.remove(HttpHeader.TRANSFER_ENCODING).remove(HttpHeader.EXPECT)
                    .put(HttpHeader.CONTENT_LENGTH, body.remaining()));
        }
    }

    /** The client's response, with any {@code Location} from the service moved under the public prefix. */
    private static final class LocationRewriting extends Response.Wrapper {

        private final HttpFields.Mutable headers;

        LocationRewriting(Request request, Response response, Route route) {
            super(request, response);
            headers = new HttpFields.Mutable.Wrapper(response.getHeaders()) {
                @Override
                public HttpField onAddField(HttpField field) {
                    return field.getHeader() == HttpHeader.LOCATION
                            ? new HttpField(HttpHeader.LOCATION, route.publicLocation(field.getValue()))
                            : field;
                }
            };
        }

        @Override
        public HttpFields.Mutable getHeaders() {
            return headers;
        }
    }

    /**
     * More requests are waiting for a service than the ingress queues (256 connections and 1024
     * queued per service): that is overload, not a broken gateway, so 503 with a Retry-After, as a
     * client should back off and retry. A replica that refused the connection is skipped for the
     * next one, while one is left. Other failures keep Jetty's 502 and 504.
     */
    @Override
    protected void onServerToProxyResponseFailure(Request request, org.eclipse.jetty.client.Request upstream,
                                                  org.eclipse.jetty.client.Response upstreamResponse,
                                                  Response response, Callback callback, Throwable failure) {
        Attempt attempt = (Attempt) request.getAttribute(ATTEMPT);
        if (refused(failure) && attempt.number() < attempt.replicas().size() && !response.isCommitted()) {
            aim(request, new Attempt(attempt.target(), attempt.replicas(), (attempt.endpoint() + 1) % attempt.replicas().size(),
                    attempt.number() + 1));
            super.handle(request, response, callback);
            return;
        }
        if (failure instanceof RejectedExecutionException && !response.isCommitted()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            Problems.write(response, callback, 503, "The service has more requests waiting than the ingress queues; retry later");
            return;
        }
        super.onServerToProxyResponseFailure(request, upstream, upstreamResponse, response, callback, failure);
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected HttpURI rewriteHttpURI(Request request) {
        return (HttpURI) request.getAttribute(TARGET);
    }

    @Override
    protected void configureHttpClient(HttpClient client) {
        super.configureHttpClient(client);
        client.setIdleTimeout(timeout.toMillis());
        client.setConnectTimeout(2_000);
        // Like a cluster's ingress, this one is not where overload is shed: a service takes more
        // connections than it handles at once (orders: 32, and up to 256 waiting) and answers the
        // rest with a 503 problem at once. Requests queued here would only wait, in a queue without
        // a deadline.
        client.setMaxConnectionsPerDestination(256);
        client.setMaxRequestsQueuedPerDestination(1024);
    }

    @Override
    protected org.eclipse.jetty.client.Request newProxyToServerRequest(Request request, HttpURI target) {
        return super.newProxyToServerRequest(request, target).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The standard {@code Forwarded} and {@code Via} headers, plus the X-Forwarded-* that most frameworks read. */
    @Override
    protected void addProxyHeaders(Request request, org.eclipse.jetty.client.Request upstream) {
        super.addProxyHeaders(request, upstream);
        String host = request.getHeaders().get("Host");
        upstream.headers(headers -> {
            headers.put("X-Forwarded-For", Request.getRemoteAddr(request));
            headers.put("X-Forwarded-Proto", request.isSecure() ? "https" : "http");
            headers.put("X-Forwarded-Port", String.valueOf(Request.getLocalPort(request)));
            if (host != null) {
                headers.put("X-Forwarded-Host", host);
            } else {
                headers.remove("X-Forwarded-Host");
            }
        });
    }

    /** The replicas in rotation when the request came, which of them this try goes to, and which try it is. */
    private record Attempt(RouteTable.Target target, List<URI> replicas, int endpoint, int number) {
    }
}
