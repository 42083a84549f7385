package homework.arch.stack.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Swagger UI page (4.18, from smallrye-open-api-ui) as a user sees it. When something does not
 * show up in time, the failure carries the browser console, where a cut script or a document that
 * did not load says so.
 */
final class SwaggerUi {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** What the UI showed after "Execute". */
    record Response(String requestUrl, String status, String body) {
    }

    private final WebDriver driver;
    private final URI address;

    private SwaggerUi(WebDriver driver, URI address) {
        this.driver = driver;
        this.address = address;
    }

    static SwaggerUi open(Browser browser, URI address) {
        browser.driver().get(address.toString());
        return new SwaggerUi(browser.driver(), address);
    }

    /** The title of the document shown (the info title and version). */
    String title() {
        return driver.findElement(By.cssSelector(".information-container .title")).getText();
    }

    /**
     * The address in the top bar once it is absolute (or the wait ran out): the document the page
     * shows, as a reader may open it, never the relative {@code ..} the page was configured with.
     */
    String documentAddress() {
        return waitFor("an absolute document address in the top bar", d -> {
            String value = d.findElement(By.cssSelector(".download-url-input")).getAttribute("value");
            return value != null && value.startsWith("http") ? value : null;
        });
    }

    /** The operations listed once {@code expected} of them are (or the wait ran out), as "GET /users/{id}". */
    Set<String> operations(int expected) {
        waitFor("the document's " + expected + " operations",
                d -> d.findElements(By.cssSelector(".opblock")).size() >= expected);
        Set<String> listed = new TreeSet<>();
        for (WebElement operation : driver.findElements(By.cssSelector(".opblock"))) {
            listed.add(operation.findElement(By.cssSelector(".opblock-summary-method")).getText() + " "
                    + operation.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path"));
        }
        return listed;
    }

    /** Opens an operation, presses "Try it out", fills the parameters, presses "Execute" and reads the answer. */
    Response tryItOut(String method, String path, Map<String, String> parameters) {
        WebElement operation = driver.findElements(By.cssSelector(".opblock-" + method)).stream()
                .filter(o -> path.equals(o.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " " + path + " at " + address));
        operation.findElement(By.cssSelector(".opblock-summary")).click();
        click(operation, "button.try-out__btn");
        parameters.forEach((name, value) -> {
            WebElement input = waitFor("the input of parameter " + name, d ->
                    operation.findElement(By.cssSelector("tr[data-param-name='" + name + "'] input")));
            input.clear();
            input.sendKeys(value);
        });
        click(operation, "button.execute");
        WebElement status = waitFor("the response of " + method + " " + path, d ->
                operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_status")));
        // The page from its top (the document's title and operations) down to this response.
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        return new Response(operation.findElement(By.cssSelector(".request-url pre")).getText(), status.getText().trim(),
                operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_description")).getText());
    }

    private void click(WebElement operation, String css) {
        WebElement button = waitFor(css, d -> ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector(css))).apply(d));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(NoSuchElementException.class)
                    .until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not show at " + address + " within " + WAIT.toSeconds()
                    + " s; browser console:\n" + String.join("\n", console()), e);
        }
    }

    private List<String> console() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
        } catch (RuntimeException e) {
            return List.of("(console not readable: " + e + ")");
        }
    }
}
