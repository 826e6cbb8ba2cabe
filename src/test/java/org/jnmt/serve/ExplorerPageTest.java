package org.jnmt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jnmt.api.TinyModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The attention explorer in a real browser: Debian's headless Chromium driven through
 * chromedriver (Selenium's own driver download cannot work offline). Skipped when
 * /usr/bin/chromium or /usr/bin/chromedriver is missing; {@code .ci/run} installs them. Leaves a
 * screenshot in target/explorer.png. With {@code -Djnmt.explorer.model=DIR} (and optionally
 * {@code -Djnmt.explorer.sentence=TEXT}) it runs on a trained model instead of the tiny one, for
 * the README's screenshot.
 */
class ExplorerPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "explorer.png");

    @TempDir
    static Path dir;

    static TranslationServer server;
    static Http http;
    static WebDriver browser;
    static String sentence;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        String given = System.getProperty("jnmt.explorer.model");
        Path modelDir = given == null ? TinyModel.train(dir) : Path.of(given);
        sentence = given == null
                ? Files.readAllLines(TinyModel.testSources(dir)).get(3)
                : System.getProperty("jnmt.explorer.sentence", "Ein Mann fährt mit dem Fahrrad durch die Stadt.");
        server = new TranslationServer(List.of(new ModelSpec("dates", modelDir)), ServerLimits.DEFAULT, 1)
                .start("127.0.0.1", 0)
                .startLoading();
        http = new Http(server.port());
        http.awaitHealthy();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,1400",
                "--disable-extensions",
                "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void typingASentenceShowsItsTranslationHeatmapLinksTreeAndWhatIf() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://127.0.0.1:" + server.port() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#model option")));
        assertEquals(
                http.get("/models").json().get(0).get("defaults").get("beam").asText(),
                browser.findElement(By.id("beam")).getAttribute("value"),
                "the model's default beam");
        browser.findElement(By.id("sentences")).sendKeys(sentence);
        browser.findElement(By.id("translate")).click();
        WebElement main =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".panel.main .translation")));
        JsonNode api = http.post("/translate", Map.of("q", sentence, "attention", true, "alignment", true))
                .json();
        assertEquals(api.get("translatedText").asText(), main.getText());

        // Word view (the default): as many link lines as the API's hard alignment has links.
        int links = api.get("alignment").asText().isEmpty()
                ? 0
                : api.get("alignment").asText().split(" ").length;
        wait.until(
                d -> d.findElements(By.cssSelector(".panel.main .links line")).size() == links);

        // BPE pieces: the heatmap's cells are the API's attention, source across, target down.
        browser.findElement(By.id("view-pieces")).click();
        JsonNode matrix = api.get("attention").get("attention");
        List<WebElement> cells = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".panel.main table.heatmap td.cell"));
            return found.size() == matrix.size() * matrix.get(0).size() ? found : null;
        });
        for (WebElement cell : cells) {
            int t = Integer.parseInt(cell.getAttribute("data-t"));
            int s = Integer.parseInt(cell.getAttribute("data-s"));
            assertEquals(
                    matrix.get(t).get(s).asDouble(),
                    Double.parseDouble(cell.getAttribute("data-w")),
                    1e-7,
                    "cell " + t + "," + s);
        }
        List<WebElement> columns =
                browser.findElements(By.cssSelector(".panel.main table.heatmap thead th[scope=col]"));
        assertEquals(api.get("attention").get("source").size(), columns.size(), "source tokens across");
        assertEquals(
                api.get("attention").get("source").get(0).asText(),
                columns.get(0).getText());

        // Hovering a target token colours the source tokens by its attention.
        List<WebElement> targets = browser.findElements(By.cssSelector(".panel.main .target .word"));
        new Actions(browser).moveToElement(targets.get(0)).perform();
        List<WebElement> sources = browser.findElements(By.cssSelector(".panel.main .source .word"));
        int strongest = argMax(matrix.get(0));
        assertTrue(
                sources.get(strongest).getAttribute("style").contains("background"),
                "the most attended source token is highlighted");

        // The n-best list and the beam tree open; the tree marks finished hypotheses.
        browser.findElement(By.cssSelector("details.nbest summary")).click();
        assertTrue(browser.findElements(By.cssSelector("details.nbest li")).size() >= 1);
        browser.findElement(By.cssSelector("details.beam summary")).click();
        assertTrue(browser.findElements(By.cssSelector(".tree g.node")).size() > 5);
        assertFalse(browser.findElements(By.cssSelector(".tree g.finished")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector(".tree g.winner")).isEmpty(), "the winner's path is marked");

        // What if: click the first target token, pick the second word the model weighed there.
        browser.findElement(By.cssSelector(".panel.main .target .word")).click();
        List<WebElement> alternatives = wait.until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".panel.main .alternatives li"), 1));
        String forced = alternatives.get(1).getAttribute("data-token");
        alternatives.get(1).click();
        WebElement firstRow = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".panel.whatif table.heatmap tbody th")));
        assertEquals(forced, firstRow.getText(), "the new translation starts with the forced word");
        assertTrue(browser.findElement(By.cssSelector(".panel.whatif h3"))
                .getText()
                .startsWith("What if"));
        assertFalse(
                browser.findElements(By.cssSelector(".panel.main table.heatmap td.cell"))
                        .isEmpty(),
                "the old attention stays beside the new");

        browser.findElement(By.id("view-words")).click();
        wait.until(
                d -> d.findElements(By.cssSelector(".panel.whatif .links line")).size() > 0);
        ((ChromeDriver) browser).executeScript("window.scrollTo(0, 0)");
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int argMax(JsonNode row) {
        int best = 0;
        for (int i = 1; i < row.size(); i++) {
            if (row.get(i).asDouble() > row.get(best).asDouble()) {
                best = i;
            }
        }
        return best;
    }
}
