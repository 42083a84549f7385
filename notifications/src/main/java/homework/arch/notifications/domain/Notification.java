package homework.arch.notifications.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A letter to a user ("sent" means stored: nothing is mailed). Immutable once written. */
@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(name = "order_id", updatable = false)
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private NotificationType type;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Notification() {
    }

    private Notification(UUID userId, String email, UUID orderId, NotificationType type, String subject, String body,
                         Instant now) {
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId);
        this.email = Objects.requireNonNull(email);
        this.orderId = orderId;
        this.type = Objects.requireNonNull(type);
        this.subject = Objects.requireNonNull(subject);
        this.body = Objects.requireNonNull(body);
        this.createdAt = now;
    }

    /** The letter about a settled order; its text comes from {@link OrderLetter}. */
    public static Notification aboutOrder(SettledOrder order, Instant now) {
        OrderLetter letter = OrderLetter.of(order);
        return new Notification(order.userId(), order.email(), order.orderId(), letter.type(), letter.subject(),
                letter.body(), now);
    }

    /** A free-form message to a user's registered address. */
    public static Notification message(UUID userId, String email, String subject, String body, Instant now) {
        return new Notification(userId, email, null, NotificationType.MESSAGE, subject, body, now);
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public UUID orderId() {
        return orderId;
    }

    public NotificationType type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
