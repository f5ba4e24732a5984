package io.github.mobileid.selfservice.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by the machine's chromedriver (Debian packages chromium and
 * chromium-driver). Both paths are given explicitly, so Selenium Manager never downloads anything.
 */
final class Browser implements AutoCloseable {

    /** The application is slow on a small machine: every wait is explicit and generous. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        var service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(
                                new File(
                                        System.getProperty(
                                                "e2e.chromedriver", "/usr/bin/chromedriver")))
                        .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
    }

    void waitForUrlContaining(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Saves what the browser shows to {@code target/<directory>/<name>.png}. */
    Path screenshot(String directory, String name) {
        try {
            Path target = Path.of("target", directory, name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    target,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forgetLogin() {
        driver.manage().deleteAllCookies();
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
