package cn.landscape.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium under Debian's chromedriver, for the tests that look at pages the way a
 * person does. Selenium is given both binaries, so it never looks for (or downloads) a browser or driver.
 * Screenshots go to target/screenshots/ for a person to look at. One browser per test class:
 * {@code @RegisterExtension static final HeadlessChromium chromium = new HeadlessChromium();}
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Path userDataDir;

	private ChromeDriver driver;

	/** Skips the test class unless the Debian packages chromium and chromium-driver are installed. */
	@Override
	public void beforeAll(ExtensionContext context) {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
		try {
			userDataDir = Files.createTempDirectory("chromium-profile-");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--user-data-dir=" + userDataDir.toAbsolutePath());
			driver = new ChromeDriver(service, options);
			driver.manage().window().setSize(new Dimension(1400, 900));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return driver;
	}

	public WebDriverWait waiting(Duration timeout) {
		// A page that redraws replaces the elements a condition was looking at: look again
		WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	public Object script(String js, Object... args) {
		return driver.executeScript(js, args);
	}

	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (driver == null) {
			return;
		}
		driver.quit();
		driver = null;
		try (var files = Files.walk(userDataDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary profile is harmless
		}
	}

}
