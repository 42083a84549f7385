package homework.arch.orders.client;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import homework.arch.orders.client.NotificationsClient.SettledOrder;
import homework.arch.orders.domain.Letters;
import homework.arch.orders.domain.Order;
import homework.arch.platform.client.RemoteCalls;
import homework.arch.platform.client.RemoteProblemException;
import homework.arch.platform.failure.UnavailableException;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@link Letters} through notifications' {@code POST /internal/notifications} (style 1), with the
 * fault tolerance of every call between services. A refusal (which a well-formed settled order never
 * gets) is logged like no answer: the order stays {@code PENDING} rather than settle without its letter.
 */
@ApplicationScoped
@InStyles(Style.HTTP_ONLY)
public class NotificationsGateway implements Letters {

    private static final Logger LOG = System.getLogger(NotificationsGateway.class.getName());

    private final RemoteCalls calls = RemoteCalls.to("notifications");
    private final NotificationsClient notifications;

    @Inject
    public NotificationsGateway(@RestClient NotificationsClient notifications) {
        this.notifications = notifications;
    }

    @Override
    public boolean store(Order settled) {
        try {
            calls.run(() -> notifications.store(new SettledOrder(settled.id(), settled.userId(), settled.email(),
                    settled.price(), settled.status().name(), settled.updatedAt())));
            return true;
        } catch (RemoteProblemException | UnavailableException e) {
            LOG.log(Level.INFO, () -> "No letter stored for order " + settled.id() + ", it stays PENDING: " + e);
            return false;
        }
    }
}
