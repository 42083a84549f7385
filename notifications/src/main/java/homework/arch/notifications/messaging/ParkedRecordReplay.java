package homework.arch.notifications.messaging;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import homework.arch.notifications.application.OrderEvents;
import homework.arch.notifications.application.RecordReplay;
import homework.arch.notifications.domain.ParkedEvent;
import homework.arch.notifications.domain.RedriveResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A parked record sent through the consumer's {@link RecordProcessor} again, as the record it was
 * when polled. Its own processor: the consumer thread's counts attempts in a map of its own.
 */
@ApplicationScoped
public class ParkedRecordReplay implements RecordReplay {

    private static final Logger LOG = System.getLogger(ParkedRecordReplay.class.getName());

    private final RecordProcessor processor;
    private final NotificationMetrics metrics;

    @Inject
    public ParkedRecordReplay(OrderEvents handler, NotificationMetrics metrics, ConsumerSettings settings) {
        this.processor = new RecordProcessor(handler, metrics, settings.maxAttempts());
        this.metrics = metrics;
    }

    @Override
    public RedriveResult replay(ParkedEvent parked) {
        RedriveResult result = processor.replay(parked.id(), ParkedRecords.toRecord(parked.record()));
        metrics.redriven(result.outcome());
        LOG.log(Level.INFO, "Parked record {0} re-driven: {1}", parked.id(), result.outcome());
        return result;
    }
}
