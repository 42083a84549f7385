package homework.arch.stack.ingress;

import java.time.Duration;

/**
 * How the ingress listens and what it tolerates. The upstream timeout is longer than the services'
 * own client timeouts, so a slow order still gets the service's answer (202) rather than a 504.
 */
public record IngressSettings(String host, int port, long maxRequestBytes, Duration upstreamTimeout,
                              Duration idleTimeout) {

    /** 1 MiB bodies, 30 s per upstream exchange, 60 s idle connections, on 127.0.0.1. */
    public static IngressSettings onPort(int port) {
        return new IngressSettings("127.0.0.1", port, 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public IngressSettings withUpstreamTimeout(Duration timeout) {
        return new IngressSettings(host, port, maxRequestBytes, timeout, idleTimeout);
    }

    public IngressSettings withMaxRequestBytes(long bytes) {
        return new IngressSettings(host, port, bytes, upstreamTimeout, idleTimeout);
    }
}
