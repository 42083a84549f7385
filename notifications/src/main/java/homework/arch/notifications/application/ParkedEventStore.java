package homework.arch.notifications.application;

import java.time.Clock;

import homework.arch.notifications.domain.RedriveResult;
import homework.arch.notifications.persistence.ParkedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The transactional side of a re-drive: what came of one parked record, stored after it was handled. */
@ApplicationScoped
public class ParkedEventStore {

    private final ParkedEvents parked;
    private final Clock clock;

    @Inject
    public ParkedEventStore(ParkedEvents parked, Clock clock) {
        this.parked = parked;
        this.clock = clock;
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
