package homework.arch.platform.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends parked records through their consumer's handling again, once their cause is fixed: the
 * selected records still parked, lowest id first, at most {@code maxRecords} a call. Each is
 * handled in a transaction of its own ({@link EventConsumers#replay}), then its outcome is stored in another
 * ({@link ParkedEventStore}): handled records are marked and never sent again, failing ones keep
 * their new reason. Should the process stop between the two, the next re-drive finds the event id
 * handled and marks the record then; no effect happens twice. No transaction of its own.
 */
@ApplicationScoped
public class ParkedEventRedrive {

    private final ParkedEvents parked;
    private final ParkedEventStore store;
    private final EventConsumers replay;
    private final int maxRecords;

    @Inject
    public ParkedEventRedrive(ParkedEvents parked, ParkedEventStore store, EventConsumers replay,
                              @ConfigProperty(name = "parked.redrive.max-records") int maxRecords) {
        this.parked = parked;
        this.store = store;
        this.replay = replay;
        this.maxRecords = maxRecords;
    }

    public RedriveReport redrive(ParkedSelection selection) {
        long alreadyRedriven = parked.countRedriven(selection);
        List<ParkedEvent> due = parked.stillParked(selection, maxRecords);
        List<RedriveResult> results = new ArrayList<>(due.size());
        for (ParkedEvent event : due) {
            RedriveResult result = replay.replay(event);
            store.settle(result);
            results.add(result);
        }
        long remaining = due.size() < maxRecords ? 0 : parked.countStillParkedAfter(selection, due.getLast().id());
        return new RedriveReport(results, alreadyRedriven, remaining);
    }
}
