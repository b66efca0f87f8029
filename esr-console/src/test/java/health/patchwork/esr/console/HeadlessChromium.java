package health.patchwork.esr.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which .ci/run installs) signing
 * in and saving a screenshot of the overview as test output. Skipped, saying why, where they are not installed.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static void screenshotOverview(String base, String username, String password, Path into) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no headless Chromium here: install Debian's chromium and chromium-driver (.ci/run does) for the"
                        + " browser test; " + CHROMIUM + " and " + DRIVER + " are missing");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,2000", "--user-data-dir=" + Files.createTempDirectory("esr-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(base + "/");
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outbound")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
            assertThat(browser.findElement(By.id("outbound")).getText()).contains("Staff records from ESR");
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return typeof htmx"))
                    .as("htmx loaded from its webjar under the content security policy").isEqualTo("object");
            Files.createDirectories(into);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(into.resolve("overview.png"), png);
            assertThat(png.length).isGreaterThan(10_000);
        } finally {
            browser.quit();
        }
    }
}
