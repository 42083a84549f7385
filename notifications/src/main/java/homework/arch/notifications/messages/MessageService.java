package homework.arch.notifications.messages;

import java.time.Clock;
import java.util.UUID;

import homework.arch.notifications.client.UsersGateway;
import homework.arch.notifications.domain.Notification;
import homework.arch.notifications.persistence.NotificationRepository;
import homework.arch.platform.problem.NotFoundException;
import homework.arch.platform.problem.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Sends a message to a user's registered address. The address is read from users first, outside
 * any transaction (no database connection is held while users answers), then the letter is stored.
 */
@ApplicationScoped
public class MessageService {

    private final UsersGateway users;
    private final NotificationRepository notifications;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public MessageService(UsersGateway users, NotificationRepository notifications) {
        this.users = users;
        this.notifications = notifications;
    }

    public Notification send(UUID userId, String subject, String body) {
        String email;
        try {
            email = users.find(userId).orElseThrow(() -> new NotFoundException("User", userId)).email();
        } catch (FaultToleranceException | ProcessingException | WebApplicationException e) {
            throw new UnavailableException("users", e);
        }
        Notification message = Notification.message(userId, email, subject, body, clock.instant());
        notifications.add(message);
        return message;
    }
}
