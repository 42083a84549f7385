package homework.arch.platform.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The transactions on parked records: parking one a consumer cannot handle, and storing what came
 * of a re-drive of one, after it was handled.
 */
@ApplicationScoped
public class ParkedEventStore {

    private final ParkedEvents parked;
    private final Clock clock;

    @Inject
    public ParkedEventStore(ParkedEvents parked, Clock clock) {
        this.parked = parked;
        this.clock = clock;
    }

    /** Parks a record once; parking the same record again changes nothing. */
    @Transactional
    public void park(ParkedRecord record, String reason) {
        parked.park(record, reason);
    }

    @Transactional
    public void settle(RedriveResult result) {
        if (result.settled()) {
            parked.markRedriven(result.parkedId(), clock.instant());
        } else {
            parked.markStillFailing(result.parkedId(), result.reason());
        }
    }
}
