package homework.arch.billing.api;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import homework.arch.billing.domain.AccountService;
import homework.arch.billing.domain.LedgerEntry;
import homework.arch.billing.domain.Movement;
import homework.arch.billing.persistence.IdempotencyStore;
import homework.arch.billing.persistence.StoredResponse;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.platform.problem.ApiException;
import homework.arch.platform.problem.Problem;

/**
 * Deposits and withdrawals with an optional {@code Idempotency-Key}: the first outcome for a key,
 * success or refusal, is stored in the same transaction as the money movement and answered again,
 * byte for byte, to every later request with that key. A request whose key is claimed by one still
 * in progress waits on the key's row until that one commits, then answers its outcome: the wait is
 * bounded by one local transaction, so it is waited for rather than answered with a 409.
 */
@ApplicationScoped
public class IdempotentMovements {

    private final AccountService service;
    private final IdempotencyStore keys;

    @Inject
    public IdempotentMovements(AccountService service, IdempotencyStore keys) {
        this.service = service;
        this.keys = keys;
    }

    @Transactional
    public StoredResponse apply(UUID userId, Movement movement, String key) {
        if (key == null) {
            return success(service.move(userId, movement));
        }
        service.requireAccount(userId);
        String fingerprint = movement.fingerprint();
        if (!keys.claim(userId, key, fingerprint)) {
            IdempotencyStore.Claimed claimed = keys.find(userId, key).orElseThrow();
            if (!claimed.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException(key);
            }
            return claimed.response();
        }
        StoredResponse outcome;
        try {
            outcome = success(service.move(userId, movement));
        } catch (ApiException refused) {
            outcome = refusal(refused.problem());
        }
        keys.complete(userId, key, outcome);
        return outcome;
    }

    private static StoredResponse success(LedgerEntry entry) {
        return new StoredResponse(200, MediaType.APPLICATION_JSON, json(MovementResponse.from(entry)));
    }

    private static StoredResponse refusal(Problem problem) {
        return new StoredResponse(problem.status(), Problem.MEDIA_TYPE, json(problem));
    }

    private static String json(Object body) {
        try {
            return JsonMapperProvider.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body, e);
        }
    }
}
