package homework.arch.users.domain;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserTest {

    private static final UUID ID = UUID.randomUUID();
    private static final User ADA = User.register(ID, "Ada", "ada@example.com", Instant.EPOCH);

    @Test
    void registeringTheSameUserAgainFindsTheExistingOneWhateverTheTime() {
        User again = User.register(ID, "Ada", "ada@example.com", Instant.now());
        assertThat(ADA.sameAs(again), is(true));
        assertThat(ADA.requireSameAs(again), is(sameInstance(ADA)));
    }

    @Test
    void aDifferentNameOrEmailUnderTheSameIdIsAConflict() {
        assertThrows(UserConflictException.class,
                () -> ADA.requireSameAs(User.register(ID, "Ada L.", "ada@example.com", Instant.EPOCH)));
        assertThrows(UserConflictException.class,
                () -> ADA.requireSameAs(User.register(ID, "Ada", "ada@example.org", Instant.EPOCH)));
    }
}
