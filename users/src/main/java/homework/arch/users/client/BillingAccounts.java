package homework.arch.users.client;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import homework.arch.platform.problem.UnavailableException;
import homework.arch.users.domain.AccountOpener;

/** Opens accounts through the gateway; when billing cannot be reached, the request is a 503. */
@ApplicationScoped
public class BillingAccounts implements AccountOpener {

    private static final Logger LOG = System.getLogger(BillingAccounts.class.getName());

    private final BillingGateway gateway;

    @Inject
    public BillingAccounts(BillingGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void openAccount(UUID userId) {
        try {
            gateway.openAccount(userId);
        } catch (BillingRejectedException e) {
            throw new IllegalStateException("billing refused to open account " + userId + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "billing unavailable opening account " + userId + ": " + e);
            throw new UnavailableException("billing", e);
        }
    }
}
