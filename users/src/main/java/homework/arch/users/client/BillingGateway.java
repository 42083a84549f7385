package homework.arch.users.client;

import java.util.UUID;

import homework.arch.platform.client.RemoteCalls;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import homework.arch.users.domain.AccountOpener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Opens accounts in billing (idempotent: opening one again is safe). When billing cannot be asked,
 * the call ends in {@code UnavailableException} ({@link RemoteCalls}). In the styles where users
 * calls billing; in event collaboration billing opens the account from the registration event.
 */
@ApplicationScoped
@InStyles({Style.HTTP_ONLY, Style.HTTP_BROKER})
public class BillingGateway implements AccountOpener {

    private final RemoteCalls calls = RemoteCalls.to("billing");
    private final BillingClient billing;

    @Inject
    public BillingGateway(@RestClient BillingClient billing) {
        this.billing = billing;
    }

    @Override
    public void openAccount(UUID userId) {
        calls.run(() -> billing.openAccount(new BillingClient.OpenAccount(userId)));
    }
}
