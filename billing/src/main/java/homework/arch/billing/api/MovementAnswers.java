package homework.arch.billing.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import homework.arch.billing.application.OutcomeForm;
import homework.arch.billing.domain.LedgerEntry;
import homework.arch.billing.domain.RecordedOutcome;
import homework.arch.platform.failure.DomainException;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.platform.problem.DomainExceptionMapper;
import homework.arch.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/** A movement's answer as HTTP gives it: 200 with the movement, or the refusal's problem. */
@ApplicationScoped
public class MovementAnswers implements OutcomeForm {

    @Override
    public RecordedOutcome moved(LedgerEntry entry) {
        return new RecordedOutcome(200, MediaType.APPLICATION_JSON, json(MovementResponse.from(entry)));
    }

    @Override
    public RecordedOutcome refused(DomainException refusal) {
        Problem problem = DomainExceptionMapper.problem(refusal);
        return new RecordedOutcome(problem.status(), Problem.MEDIA_TYPE, json(problem));
    }

    private static String json(Object body) {
        try {
            return JsonMapperProvider.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body, e);
        }
    }
}
