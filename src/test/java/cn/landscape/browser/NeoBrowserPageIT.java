package cn.landscape.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import cn.landscape.page.HeadlessChromium;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** Neo4j Browser at /browser/ in a real (headless) browser: connect, run the guide's finance query. */
class NeoBrowserPageIT extends SeededApp {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Duration CONNECT_WAIT = Duration.ofSeconds(90);

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	@Autowired
	Driver driver;

	@Test
	void browser_connects_to_the_graph_and_runs_the_guides_finance_query() throws Exception {
		chromium.driver().get(url("/browser/"));
		WebElement guide = chromium.waiting(WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='guidesDrawer']")));
		chromium.waiting(WAIT).until(d -> guide.getText().contains("中国AI大模型产业图谱"));
		chromium.screenshot("browser-1-opened-with-guide");

		connect();
		guide.findElement(By.cssSelector("a[data-exec^='style ']")).click();
		WebElement style = chromium.waiting(WAIT).until(d -> frameShowing(":style"));
		chromium.waiting(WAIT).until(d -> style.getText().contains("Model"));
		assertThat(style.getText()).doesNotContainIgnoringCase("error");
		chromium.screenshot("browser-2-connected-and-styled");

		String financeQuery = BrowserGuideQueriesTest.guideQueries()
			.stream()
			.filter(q -> q.slide().contains("finance"))
			.findFirst()
			.orElseThrow()
			.cypher();
		chromium.driver().findElement(By.cssSelector("[data-testid='guideNextSlide']")).click();
		String firstLine = financeQuery.lines().findFirst().orElseThrow();
		WebElement runnable = chromium.waiting(WAIT).until(d -> d.findElements(By.cssSelector("[data-testid='guidesDrawer'] pre.runnable"))
			.stream()
			.filter(pre -> pre.getText().contains(firstLine))
			.findFirst()
			.orElse(null));
		runnable.click(); // Browser puts a runnable block into its editor
		chromium.waiting(WAIT).until(d -> editorText().contains("Industry {id: 'finance'}"));
		chromium.driver().findElement(By.cssSelector("[data-testid='editor-Run']")).click();

		List<String> models = driver.executableQuery(financeQuery).execute().records().stream()
			.map((Record r) -> r.get("model").asString())
			.toList();
		assertThat(models).isNotEmpty();
		WebElement frame = chromium.waiting(WAIT).until(d -> d.findElements(By.cssSelector("[data-testid='frame']"))
			.stream()
			.filter(f -> f.getText().contains(models.getFirst()))
			.findFirst()
			.orElse(null));
		assertThat(frame.getText()).contains("model", "vendors", "evidence", "source");
		// a fact from an open dataset shows beside the documents' quotes, named as such
		chromium.waiting(WAIT).until(d -> frame.getText().contains("dataset: awesome-llms-in-china"));
		chromium.screenshot("browser-3-finance-query-result");

		String graphQuery = guide.findElements(By.cssSelector("pre.runnable")).get(1).getText();
		assertThat(graphQuery).contains("RETURN p, q");
		guide.findElements(By.cssSelector("pre.runnable")).get(1).click();
		chromium.waiting(WAIT).until(d -> editorText().contains("RETURN p, q"));
		chromium.driver().findElement(By.cssSelector("[data-testid='editor-Run']")).click();
		chromium.waiting(WAIT).until(d -> !d.findElements(By.cssSelector("[data-testid='frame'] svg .node")).isEmpty());
		Thread.sleep(1500); // let the force layout settle before the picture
		chromium.screenshot("browser-4-finance-graph-in-landscape-style");
	}

	/**
	 * Browser may connect by itself (no authentication is preselected); otherwise the Connect button does. The
	 * button is pressed at most every ten seconds, since a press while a slow handshake is under way starts it over.
	 */
	private void connect() {
		long[] lastPress = { 0 };
		chromium.waiting(CONNECT_WAIT)
			.withMessage(() -> "Browser did not connect; its stream showed: " + streamText())
			.until(d -> {
				// Browser words it two ways: "You are connected…" after the form, "Connected to Neo4j" when it connects by itself
				String stream = streamText();
				if (stream.contains("You are connected") || stream.contains("Connected to Neo4j")) {
					return true;
				}
				if (System.nanoTime() - lastPress[0] > Duration.ofSeconds(10).toNanos()) {
					d.findElements(By.cssSelector("[data-testid='connect']")).stream().filter(WebElement::isDisplayed)
						.findFirst().ifPresent(button -> {
							button.click();
							lastPress[0] = System.nanoTime();
						});
				}
				return false;
			});
	}

	private String streamText() {
		return chromium.driver().findElements(By.cssSelector("[data-testid='stream']")).stream()
			.map(WebElement::getText)
			.findFirst()
			.orElse("(no stream)");
	}

	/** The newest result frame whose command starts with the given text. */
	private WebElement frameShowing(String command) {
		return chromium.driver().findElements(By.cssSelector("[data-testid='frame']")).stream()
			.filter(f -> f.findElements(By.cssSelector("[data-testid='frameCommand']")).stream()
				.anyMatch(c -> c.getText().strip().startsWith(command)))
			.findFirst()
			.orElse(null);
	}

	private String editorText() {
		return String.valueOf(chromium.script(
				"return (document.querySelector('[data-testid=\"activeEditor\"]')?.innerText ?? '').replace(/\\u00a0/g, ' ')"));
	}

}
