package homework.arch.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import homework.arch.stack.fixtures.TestHttp;

/**
 * The kit's mapper ({@link TestHttp#JSON}: decimals exactly as sent, {@code 30.50} stays 30.50) under
 * the name {@link OrdersAgainstRealServicesIT} still uses; the in-process tests use {@link TestHttp}.
 * To go when that test leaves this module.
 */
final class TestJson {

    static final ObjectMapper MAPPER = TestHttp.JSON;

    private TestJson() {
    }
}
