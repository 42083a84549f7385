package homework.arch.billing.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** Many parallel withdrawals against one account: exactly the affordable number succeed. */
@HelidonTest
class ConcurrencyTest {

    @AddConfigSource
    static ConfigSource database() {
        return TestDatabase.configSource("billing");
    }

    @Inject
    WebTarget target;

    @Test
    void fiftyParallelWithdrawalsOfSevenFromAHundred() throws Exception {
        TestHttp http = new TestHttp(target.getUri());
        String account = AccountResourceTest.newAccount(http);
        http.post(account + "/deposits", "{\"amount\": 100}");

        List<TestHttp.Reply> replies = IdempotencyTest.parallel(50,
                () -> http.post(account + "/withdrawals", "{\"amount\": 7}"));

        assertThat(replies.stream().filter(r -> r.status() == 200).count(), is(14L));
        assertThat(replies.stream().filter(r -> r.status() == 409).count(), is(36L));
        assertThat(http.get(account).json().get("balance").asText(), is("2.00"));

        JsonNode ledger = http.get(account + "/transactions").json();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode entry : ledger) {
            BigDecimal amount = entry.get("amount").decimalValue();
            sum = entry.get("type").asText().equals("DEPOSIT") ? sum.add(amount) : sum.subtract(amount);
            assertThat(entry.get("balanceAfter").decimalValue().signum() >= 0, is(true));
        }
        assertThat(ledger.size(), is(15));
        assertThat(sum, is(new BigDecimal("2.00")));
        // Newest first, each entry's balance is the one after it (older) moved by its amount: the
        // ledger's (created_at, id) order is the order in which the withdrawals took the account.
        for (int i = 0; i < ledger.size() - 1; i++) {
            JsonNode entry = ledger.get(i);
            BigDecimal before = ledger.get(i + 1).get("balanceAfter").decimalValue();
            BigDecimal amount = entry.get("amount").decimalValue();
            BigDecimal after = entry.get("type").asText().equals("DEPOSIT") ? before.add(amount) : before.subtract(amount);
            assertThat(ledger.toString(), entry.get("balanceAfter").decimalValue().compareTo(after), is(0));
        }
    }
}
