package homework.arch.billing.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import homework.arch.stack.fixtures.TestDatabase;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The OpenAPI UI as a browser gets it: its assets whole when fetched together, and its document
 * asked for relative to the page, so that it loads behind the ingress's {@code /openapi/<service>}
 * too. The UI is the same in every service (platform); billing stands for all four.
 */
@HelidonTest
class OpenApiUiTest {

    /** Where smallrye-open-api-ui keeps the assets the UI's index.html loads. */
    private static final String ASSETS = "META-INF/resources/openapi-ui/";
    /** What Chromium asks for when it opens a page. */
    private static final String BROWSER_PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AddConfigSource
    static ConfigSource database() {
        return TestDatabase.configSource("billing");
    }

    @Inject
    WebTarget target;

    @Test
    void assetsFetchedTogetherForTheFirstTimeArriveWhole() throws Exception {
        Map<String, byte[]> assets = new LinkedHashMap<>();
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css",
                "theme-feeling-blue.css", "style.css")) {
            assets.put(asset, resource(asset));
        }
        try (ExecutorService browser = Executors.newFixedThreadPool(2 * assets.size())) {
            List<Future<Void>> fetches = new ArrayList<>();
            for (int tab = 0; tab < 2; tab++) {
                assets.forEach((asset, bytes) -> fetches.add(browser.submit(() -> {
                    assertArrivesWhole(asset, bytes);
                    return null;
                })));
            }
            for (Future<Void> fetch : fetches) {
                fetch.get();
            }
        }
    }

    /**
     * The mechanism behind a cut asset, without a race: looking an asset up must not close the jar
     * that another request is still reading (helidon-io/helidon#9908).
     */
    @Test
    void lookingUpAnAssetLeavesOtherReadersOfTheJarAlone() throws IOException {
        int size = resource("swagger-ui-bundle.js").length;
        URL bundle = Thread.currentThread().getContextClassLoader().getResource(ASSETS + "swagger-ui-bundle.js");
        try (InputStream reading = bundle.openStream()) {
            byte[] start = reading.readNBytes(16384);
            assertThat(get("/openapi/ui/theme-monokai.css", "gzip", "text/css,*/*;q=0.1").statusCode(), is(200));
            byte[] rest = reading.readAllBytes();
            assertThat(start.length + rest.length, is(size));
        }
    }

    @Test
    void thePageAsksForTheDocumentRelativeToItself() {
        HttpResponse<byte[]> page = get("/openapi/ui/index.html", null, BROWSER_PAGE);
        assertThat(page.statusCode(), is(200));
        assertThat(new String(page.body(), UTF_8), containsString("url: '..'"));

        URI direct = target.getUri().resolve("/openapi/ui/index.html");
        assertThat(direct.resolve("..").getPath(), is("/openapi/"));
        assertThat(URI.create("http://ingress/openapi/billing/ui/index.html").resolve("..").getPath(),
                is("/openapi/billing/"));
        HttpResponse<byte[]> document = CLIENT.sendAsync(HttpRequest.newBuilder(direct.resolve(".."))
                .header("Accept", "application/json,*/*").build(), HttpResponse.BodyHandlers.ofByteArray()).join();
        assertThat(document.statusCode(), is(200));
        assertThat(new String(document.body(), UTF_8),
                containsString("/billing/accounts/{userId}/withdrawals"));
    }

    /**
     * The UI's address redirects to its page by a relative path, so that behind any ingress or
     * Gateway, which keep Location headers as they are, the browser stays under the public prefix
     * ({@code /openapi/billing/ui} to {@code /openapi/billing/ui/index.html}).
     */
    @Test
    void theUiRedirectsToItsPageRelativeToItself() {
        HttpResponse<byte[]> redirect = get("/openapi/ui", null, BROWSER_PAGE);
        assertThat(redirect.statusCode() / 100, is(3));
        String location = redirect.headers().firstValue("Location").orElse("");
        assertThat(location, is("ui/index.html"));
        assertThat(URI.create("http://ingress/openapi/billing/ui").resolve(location).getPath(),
                is("/openapi/billing/ui/index.html"));
        assertThat(get("/openapi/ui/index.html", null, BROWSER_PAGE).statusCode(), is(200));
    }

    private void assertArrivesWhole(String asset, byte[] expected) {
        HttpResponse<byte[]> reply = get("/openapi/ui/" + asset, "gzip, deflate, br", "*/*");
        assertThat(asset, reply.statusCode(), is(200));
        assertThat(asset + ": Content-Length", reply.headers().firstValueAsLong("Content-Length").orElse(-1),
                is((long) expected.length));
        assertThat(asset + ": bytes received", reply.body().length, is(expected.length));
        assertThat(asset + ": same bytes as in the jar", Arrays.equals(reply.body(), expected), is(true));
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.getUri().resolve(path)).timeout(Duration.ofSeconds(30));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        request.header("Accept", accept);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String asset) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ASSETS + asset)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
