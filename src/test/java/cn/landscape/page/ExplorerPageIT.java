package cn.landscape.page;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** The page at / in a real (headless) browser, driven the way a person uses it. */
class ExplorerPageIT extends SeededApp {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	@Test
	void searching_picking_and_clicking_a_neighbour_shows_its_evidence() {
		open("/");
		WebElement search = chromium.driver().findElement(By.id("search"));
		search.sendKeys("星火");
		WebElement spark = chromium.waiting(WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results li[data-ref='model:spark']")));
		assertThat(spark.getText()).contains("讯飞星火认知大模型");
		screenshot("explorer-1-search-as-you-type");

		spark.click();
		waitForHeading("讯飞星火认知大模型");
		chromium.waiting(WAIT).until(d -> nodeCount() > 1);
		assertThat(nodeIds()).contains("model:spark", "vendor:iflytek");
		waitForLayout();
		screenshot("explorer-2-neighbourhood-of-spark");

		clickNode("vendor:iflytek");
		waitForHeading("科大讯飞");
		WebElement link = chromium.waiting(WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#link-evidence .evidence")));
		assertThat(link.findElement(By.tagName("blockquote")).getText()).contains("讯飞星火");
		assertThat(link.findElement(By.className("source")).getText()).isNotBlank();
		assertThat(chromium.driver().findElements(By.cssSelector("#mentions .evidence"))).isNotEmpty();
		// 讯飞 develops 星火 is also quoted from the blog, a model's summary of the report: marked as derived from it
		assertThat(chromium.driver().findElements(By.cssSelector("#link-evidence .badge.derived")))
			.extracting(WebElement::getText)
			.isNotEmpty()
			.allSatisfy(text -> assertThat(text).containsAnyOf("派生自《开启智能新时代", "derived from “开启智能新时代"));
		screenshot("explorer-3-neighbour-evidence");
	}

	@Test
	void arrow_keys_move_through_the_search_results_and_enter_opens_the_highlighted_one() {
		open("/");
		WebElement search = chromium.driver().findElement(By.id("search"));
		search.sendKeys("星火");
		chromium.waiting(WAIT).until(d -> d.findElements(By.cssSelector("#results li[role='option']")).size() > 1);
		search.sendKeys(Keys.ARROW_DOWN);
		WebElement second = chromium.driver().findElements(By.cssSelector("#results li[role='option']")).get(1);
		assertThat(second.getAttribute("aria-selected")).isEqualTo("true");
		String name = second.findElement(By.className("name")).getText();
		search.sendKeys(Keys.ENTER);
		waitForHeading(name);
		assertThat(chromium.driver().findElement(By.id("results")).isDisplayed()).isFalse();
	}

	@Test
	void a_curated_fact_shows_the_curators_badge_and_reason_in_both_languages() {
		open("/#model:xiaoke");
		waitForHeading("小可");
		WebElement releaseDate = chromium.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("#panel tr[data-property='releaseDate']")));
		WebElement badge = releaseDate.findElement(By.cssSelector(".badge.curated"));
		assertThat(badge.getDomAttribute("title")).contains("the year is inferred");
		// the reason is spelt out once, though both quotes of the date carry it
		assertThat(releaseDate.findElements(By.className("reason"))).singleElement()
			.satisfies(reason -> assertThat(reason.getText()).contains("the year is inferred"));
		String before = badge.getText();
		chromium.driver().findElement(By.id("lang")).click();
		chromium.waiting(WAIT).until(d -> {
			List<WebElement> badges = d.findElements(By.cssSelector("#panel tr[data-property='releaseDate'] .badge.curated"));
			return !badges.isEmpty() && !badges.getFirst().getText().equals(before);
		});
		String after = chromium.driver().findElement(By.cssSelector("#panel tr[data-property='releaseDate'] .badge.curated")).getText();
		assertThat(List.of(before, after)).containsExactlyInAnyOrder("策展", "curated");
		screenshot("explorer-6-curated-date-with-its-reason");
		chromium.driver().findElement(By.id("lang")).click();
	}

	@Test
	void industry_button_lists_the_models_serving_it_and_draws_them() {
		open("/#industry:finance");
		waitForHeading("金融");
		chromium.driver().findElement(By.id("models-serving")).click();
		answerShown();
		List<WebElement> models = chromium.driver().findElements(By.cssSelector("#serving-models > li"));
		assertThat(models).isNotEmpty();
		String first = models.getFirst().findElement(By.cssSelector(".line .link")).getText();
		assertThat(first).isNotBlank();
		// a quote of a document, or the cells of a dataset's row
		assertThat(models.getFirst().findElements(By.cssSelector(".evidence blockquote, .evidence .row-cells"))).isNotEmpty();
		waitForLayout();
		screenshot("explorer-4-models-serving-finance");
	}

	@Test
	void chip_button_traces_a_models_chips_to_makers_restrictions_and_substitutes() {
		open("/#model:chatgpt");
		waitForHeading("ChatGPT");
		chromium.driver().findElement(By.id("chip-dependencies")).click();
		answerShown();
		WebElement chips = chromium.driver().findElement(By.cssSelector("#chip-list > li"));
		assertThat(chips.getText()).contains("英伟达 A100", "made by", "英伟达", "restricted by", "substitutes");
		assertThat(nodeIds()).contains("chip:a100", "vendor:nvidia");
		waitForLayout();
		screenshot("explorer-5-chip-dependencies-of-chatgpt");
	}

	@Test
	void page_draws_a_neighbourhood_from_the_webjar_not_a_cdn_and_reports_how_long_it_took() {
		open("/#vendor:huawei"); // the first load warms the server
		chromium.driver().navigate().refresh();
		waitForHeading("华为");
		Number drawnAt = (Number) chromium.script(
				"return performance.getEntriesByName('graph-drawn')[0]?.startTime");
		assertThat(drawnAt).isNotNull();
		// A figure to read, not a gate: on a shared machine a time says little about the page.
		System.out.printf("Explorer page: graph drawn %.0f ms after navigation%n", drawnAt.doubleValue());
		@SuppressWarnings("unchecked")
		List<String> scripts = (List<String>) chromium.script(
				"return [...document.scripts].map(s => s.src)");
		assertThat(scripts).allSatisfy(src -> assertThat(src).startsWith(url("/")));
		assertThat(scripts).anySatisfy(src -> assertThat(src).contains("/webjars/vis-network/"));
	}

	/** Takes the mouse off the graph, so that no tooltip covers it, and saves what the page looks like. */
	private void screenshot(String name) {
		new Actions(chromium.driver()).moveToElement(chromium.driver().findElement(By.cssSelector(".top h1"))).perform();
		chromium.screenshot(name);
	}

	/** A fresh page load each time: a change of only the #fragment would keep the previous test's page. */
	private void open(String path) {
		chromium.driver().get("about:blank");
		chromium.driver().get(url(path));
		chromium.waiting(WAIT).until(d -> !d.findElements(By.cssSelector("#legend .entry")).isEmpty());
	}

	/** Waits for a button's answer under the buttons, and shows the panel if it is not a list. */
	private void answerShown() {
		chromium.waiting(WAIT).until(d -> {
			String text = d.findElement(By.id("extra")).getText();
			return !text.isBlank() && !text.contains("loading");
		});
		assertThat(chromium.driver().findElements(By.cssSelector("#extra li")))
			.as("answer in the panel: %s", chromium.driver().findElement(By.id("panel")).getText())
			.isNotEmpty();
	}

	private void waitForHeading(String name) {
		chromium.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("entity-name"), name));
	}

	private long nodeCount() {
		return (Long) chromium.script("return window.explorer.nodes.length");
	}

	@SuppressWarnings("unchecked")
	private List<String> nodeIds() {
		return (List<String>) chromium.script("return window.explorer.nodes.getIds()");
	}

	/** Waits until the force layout has settled, so that nodes stay where they are clicked. */
	private void waitForLayout() {
		chromium.waiting(WAIT).until(d -> {
			String before = String.valueOf(chromium.script("return JSON.stringify(window.explorer.network.getPositions())"));
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return before.equals(chromium.script("return JSON.stringify(window.explorer.network.getPositions())"));
		});
	}

	/** A real mouse click on the node's position on the canvas. */
	private void clickNode(String id) {
		waitForLayout();
		WebElement canvas = chromium.driver().findElement(By.cssSelector("#graph canvas"));
		@SuppressWarnings("unchecked")
		List<Number> at = (List<Number>) chromium.script("""
				const network = window.explorer.network;
				network.focus(arguments[0], {scale: network.getScale()});
				const p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);
				return [p.x, p.y];
				""", id);
		Number width = (Number) chromium.script("return arguments[0].clientWidth", canvas);
		Number height = (Number) chromium.script("return arguments[0].clientHeight", canvas);
		new Actions(chromium.driver())
			.moveToElement(canvas, (int) (at.get(0).doubleValue() - width.doubleValue() / 2),
					(int) (at.get(1).doubleValue() - height.doubleValue() / 2))
			.click()
			.perform();
	}

}
