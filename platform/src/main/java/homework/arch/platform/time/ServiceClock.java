package homework.arch.platform.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The clock every service reads the time from: UTC, ticking in microseconds, PostgreSQL's precision,
 * so that a time answered before it is stored equals the time read back later.
 */
@ApplicationScoped
public class ServiceClock {

    private static final Clock MICROSECONDS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    @Produces
    public Clock clock() {
        return MICROSECONDS;
    }
}
