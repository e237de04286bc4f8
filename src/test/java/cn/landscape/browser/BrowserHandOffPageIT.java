package cn.landscape.browser;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.landscape.page.HeadlessChromium;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** "Open in Neo4j Browser" in the page: Browser opens connected, the Cypher in its editor, the landscape style on. */
class BrowserHandOffPageIT extends SeededApp {

	private static final Duration WAIT = Duration.ofSeconds(40);

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	@Test
	void open_in_browser_runs_the_entitys_cypher_in_the_landscape_style() {
		chromium.driver().get(url("/#model:spark"));
		chromium.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("entity-name"), "讯飞星火认知大模型"));
		String page = chromium.driver().getWindowHandle();
		Set<String> before = chromium.driver().getWindowHandles();
		chromium.driver().findElement(By.cssSelector("#panel .actions a.browser-link")).click();
		chromium.waiting(WAIT).until(d -> d.getWindowHandles().size() > before.size());
		String browser = chromium.driver().getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElseThrow();
		chromium.driver().switchTo().window(browser);

		connect();
		chromium.waiting(WAIT).until(d -> editorText().contains("MATCH (n:Model {id: 'spark'})"));
		chromium.screenshot("handoff-1-cypher-in-the-editor");
		chromium.driver().findElement(By.cssSelector("[data-testid='editor-Run']")).click();
		WebElement frame = chromium.waiting(WAIT).until(d -> d.findElements(By.cssSelector("[data-testid='frame']"))
			.stream()
			.filter(f -> !f.findElements(By.cssSelector("svg .node")).isEmpty())
			.findFirst()
			.orElse(null));
		chromium.waiting(WAIT).until(d -> frame.getText().contains("讯飞星火认知大模型") || svgText(frame).contains("讯飞星火"));
		// The landscape style: models are drawn 55 px wide in #F16667 (Browser's own default is 50 px).
		@SuppressWarnings("unchecked")
		List<String> circles = (List<String>) chromium.script(
				"return [...arguments[0].querySelectorAll('svg .node circle')].map(c => c.getAttribute('r') + ' ' + (c.getAttribute('fill') || '').toUpperCase())",
				frame);
		assertThat(circles).contains("27.5 #F16667");
		chromium.screenshot("handoff-2-result-in-landscape-style");
		chromium.driver().close();
		chromium.driver().switchTo().window(page);
	}

	private String svgText(WebElement frame) {
		return String.valueOf(chromium.script(
				"return [...arguments[0].querySelectorAll('svg text')].map(t => t.textContent).join(' ')", frame));
	}

	/** Browser may connect by itself (no authentication is preselected); otherwise the Connect button does. */
	private void connect() {
		chromium.waiting(WAIT).until(d -> {
			String stream = d.findElements(By.cssSelector("[data-testid='stream']")).stream().map(WebElement::getText)
				.findFirst().orElse("");
			if (stream.contains("You are connected")) {
				return true;
			}
			d.findElements(By.cssSelector("[data-testid='connect']")).stream().filter(WebElement::isDisplayed).findFirst()
				.ifPresent(WebElement::click);
			return false;
		});
	}

	private String editorText() {
		return String.valueOf(chromium.script(
				"return (document.querySelector('[data-testid=\"activeEditor\"]')?.innerText ?? '').replace(/\\u00a0/g, ' ')"));
	}

}
