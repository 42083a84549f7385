package homework.arch.billing.domain;

import java.util.UUID;

import homework.arch.platform.money.Amount;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

class MovementTest {

    private static final UUID ORDER = UUID.randomUUID();

    @Test
    void theSameRequestHasTheSameFingerprintWhateverTheScaleOfItsAmount() {
        assertThat(Movement.withdrawal(Amount.of("7"), ORDER).fingerprint(),
                is(Movement.withdrawal(Amount.of("7.00"), ORDER).fingerprint()));
    }

    @Test
    void operationAmountAndOrderAllTellRequestsApart() {
        String withdrawal = Movement.withdrawal(Amount.of("7"), null).fingerprint();
        assertThat(Movement.deposit(Amount.of("7")).fingerprint(), is(not(withdrawal)));
        assertThat(Movement.withdrawal(Amount.of("7.01"), null).fingerprint(), is(not(withdrawal)));
        assertThat(Movement.withdrawal(Amount.of("7"), ORDER).fingerprint(), is(not(withdrawal)));
    }
}
