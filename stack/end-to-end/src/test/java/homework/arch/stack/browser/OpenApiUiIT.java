package homework.arch.stack.browser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import homework.arch.stack.SharedStack;
import homework.arch.stack.Stack;
import homework.arch.stack.fixtures.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Dimension;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Each service's OpenAPI UI in a real browser, directly and through the ingress: the page lists
 * every operation of the committed document and shows the document's absolute address, and "Try it
 * out" sends a request through the ingress and shows its response. Screenshots go to
 * {@code target/browser/}.
 */
@ExtendWith(SharedStack.class)
@DisabledIfSystemProperty(named = "browser.skip", matches = "true",
        disabledReason = "-Dbrowser.skip=true: the browser tier was left out on purpose")
class OpenApiUiIT {

    static final Path SCREENSHOTS = Path.of("target", "browser").toAbsolutePath();

    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(1280, 1024);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Arguments> pages() {
        return Stack.SERVICES.stream().flatMap(service -> Stream.of(Arguments.of(service, "direct"),
                Arguments.of(service, "ingress")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pages")
    void theUiListsEveryOperationOfTheCommittedDocument(String service, String via, Stack stack) {
        URI ui = via.equals("direct") ? stack.services().get(service).resolve("/openapi/ui")
                : stack.ingressUri().resolve("/openapi/" + service + "/ui");
        SwaggerUi page = SwaggerUi.open(browser, ui);
        try {
            Set<String> expected = CommittedDocument.operations(service);
            assertThat("operations listed at " + ui, page.operations(expected.size()), is(expected));
            assertThat("the page shows another service's document: " + page.title(), page.title(), startsWith(service));
            assertThat("the top bar names the document's own address", page.documentAddress(),
                    is(ui.resolve(".").toString()));
        } finally {
            browser.screenshot(SCREENSHOTS.resolve(service + "-" + via + ".png"));
        }
    }

    @Test
    void tryItOutSendsARequestThroughTheIngressAndShowsTheResponse(Stack stack) {
        TestHttp ingress = new TestHttp(stack.ingressUri(), Duration.ofSeconds(30));
        UUID id = UUID.randomUUID();
        String email = "ui-" + id.toString().substring(0, 8) + "@example.com";
        TestHttp.Reply registered = ingress.post("/users", "{\"id\":\"" + id + "\",\"name\":\"Ada Browser\",\"email\":\""
                + email + "\"}", Map.of());
        assertThat(registered.text(), registered.status(), is(201));

        browser.driver().manage().window().setSize(new Dimension(1280, 1400));
        SwaggerUi page = SwaggerUi.open(browser, stack.ingressUri().resolve("/openapi/users/ui"));
        try {
            page.operations(CommittedDocument.operations("users").size());
            SwaggerUi.Response response = page.tryItOut("get", "/users/{id}", Map.of("id", id.toString()));
            assertThat(response.requestUrl(), is(stack.ingressUri().resolve("/users/" + id).toString()));
            assertThat(response.body(), response.status(), is("200"));
            assertThat(response.body(), containsString("\"Ada Browser\""));
            assertThat(response.body(), containsString(email));
        } finally {
            browser.screenshot(SCREENSHOTS.resolve("users-ingress-try-it-out.png"));
            browser.driver().manage().window().setSize(new Dimension(1280, 1024));
        }
    }
}
