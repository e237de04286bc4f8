package cn.landscape.page;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import cn.landscape.support.Http;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview, its filters, the timeline, regions at a glance and the hand-off to Neo4j Browser, in a real browser. */
class OverviewPageIT extends SeededApp {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	@Test
	void overview_is_the_start_view_with_grouped_cards_counts_and_more_pages() {
		open("/");
		waitForOverview();
		Map<String, Integer> counts = groupCounts("models");
		assertThat(counts).containsKeys("general", "industry", "general/cloud", "general/device", "general/device-cloud");
		JsonNode api = Http.get(url("/api/overview?section=models")).json().get("sections").get("models");
		api.get("groups").forEach(g -> assertThat(counts.get(g.get("key").asString())).isEqualTo(g.get("count").asInt()));
		assertThat(groupCounts("vendors")).containsKey("listed");
		assertThat(groupCounts("chips-by-maker")).containsKey("nvidia");
		chromium.screenshot("overview-1-start-view");

		String general = "[data-group='models:general']";
		int before = cards(general).size();
		assertThat(before).isLessThan(counts.get("general"));
		chromium.driver().findElement(By.cssSelector(general + " .more")).click();
		chromium.waiting(WAIT).until(d -> cards(general).size() == counts.get("general"));
		assertThat(chromium.driver().findElements(By.cssSelector(general + " .more"))).isEmpty();

		// NVIDIA's group lists its chips by name, the datasets' Latin names first: its first card opens its chip
		WebElement chip = cards("[data-group='chips-by-maker:nvidia']").getFirst();
		String ref = chip.getDomAttribute("data-ref");
		assertThat(ref).startsWith("chip:nvidia");
		chip.click();
		chromium.waiting(WAIT).until(d -> d.getCurrentUrl().endsWith("#" + ref)
				&& !d.findElement(By.id("entity-name")).getText().isBlank());
		chromium.screenshot("overview-2-card-opens-the-graph");
	}

	@Test
	void filters_narrow_every_section_to_the_industry_region_or_document() {
		open("/");
		waitForOverview();
		int allModels = groupCounts("models").values().stream().mapToInt(Integer::intValue).sum();
		optionsLoaded("#filter-industry", "#filter-document");
		new Select(chromium.driver().findElement(By.id("filter-industry"))).selectByValue("finance");
		chromium.waiting(WAIT).until(d -> groupCounts("models").values().stream().mapToInt(Integer::intValue).sum() < allModels);
		List<String> shown = refsIn("[data-section='models']");
		List<String> serving = new ArrayList<>();
		Http.get(url("/api/industries/finance/models?limit=500")).json().get("models")
			.forEach(m -> serving.add(m.get("ref").asString()));
		// the groups count every model serving finance and show the first cards of each
		assertThat(shown).isNotEmpty().isSubsetOf(serving);
		assertThat(groupCounts("models").values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(serving.size());
		chromium.screenshot("overview-3-filtered-by-finance");

		chromium.driver().findElement(By.id("filter-clear")).click();
		chromium.waiting(WAIT).until(d -> groupCounts("models").values().stream().mapToInt(Integer::intValue).sum() == allModels);
		pickRegion("filter-region", "广东", "guangdong");
		chromium.waiting(WAIT).until(d -> refsIn("[data-section='vendors']").contains("vendor:pengcheng-lab")
				&& groupCounts("models").values().stream().mapToInt(Integer::intValue).sum() < allModels);
		assertThat(refsIn("[data-section='models']")).contains("model:pengcheng-naohai");
		assertThat(chromium.driver().findElement(By.id("filter-region")).getDomProperty("value")).isIn("广东", "Guangdong");
		chromium.screenshot("overview-4-region-picked-by-typing");
		chromium.driver().findElement(By.id("filter-clear")).click();
		chromium.waiting(WAIT).until(d -> groupCounts("models").values().stream().mapToInt(Integer::intValue).sum() == allModels);
		optionsLoaded("#filter-document");
		new Select(chromium.driver().findElement(By.id("filter-document"))).selectByValue("news-listed-2024");
		chromium.waiting(WAIT).until(d -> !refsIn("[data-section='models']").isEmpty()
				&& !refsIn("[data-section='models']").contains("model:chatgpt"));
		chromium.screenshot("overview-5-filtered-by-document");
	}

	@Test
	void timeline_draws_policies_and_releases_by_month_and_hover_shows_the_evidence() {
		open("/#timeline");
		chromium.waiting(WAIT).until(d -> Boolean.TRUE.equals(chromium.script(
				"return performance.getEntriesByName('timeline-drawn').length > 0")));
		JsonNode events = Http.get(url("/api/overview/timeline")).json().get("events");
		assertThat(((Number) chromium.script("return window.landscape.timeline.events().length")).intValue())
			.isEqualTo(events.size());
		hoverEvent("policy:shenzhen-ai-action-plan");
		WebElement tip = chromium.waiting(WAIT).until(d -> d.findElements(By.cssSelector(".tl-tip")).stream()
			.filter(WebElement::isDisplayed).findFirst().orElse(null));
		assertThat(tip.getText()).contains("深圳", "2023-05");
		assertThat(tip.findElements(By.tagName("blockquote"))).isNotEmpty();
		chromium.screenshot("timeline-1-hover-shows-the-evidence");

		// 小可's release year is the curators' inference: the hover says so, with their reason
		hoverEvent("model:xiaoke");
		WebElement curated = chromium.waiting(WAIT).until(d -> d.findElements(By.cssSelector(".tl-tip")).stream()
			.filter(t -> t.isDisplayed() && t.getText().contains("小可")).findFirst().orElse(null));
		assertThat(curated.findElement(By.cssSelector(".badge.curated")).getText()).isIn("策展", "curated");
		assertThat(curated.findElement(By.className("reason")).getText()).contains("the year is inferred");
		chromium.screenshot("timeline-2-hover-marks-a-curated-date");

		new Select(chromium.driver().findElement(By.id("timeline-kind"))).selectByValue("model");
		chromium.waiting(WAIT).until(d -> Boolean.TRUE.equals(chromium.script(
				"return window.landscape.timeline.events().length > 0 && window.landscape.timeline.events().every(e => e.node.kind === 'model')")));
		new Select(chromium.driver().findElement(By.id("timeline-kind"))).selectByValue("");
		pickRegion("timeline-region", "广东", "guangdong");
		chromium.waiting(WAIT).until(d -> Boolean.TRUE.equals(chromium.script(
				"return window.landscape.timeline.events().some(e => e.node.ref === 'policy:shenzhen-ai-action-plan')"
						+ " && window.landscape.timeline.events().length < arguments[0]", events.size())));
		chromium.screenshot("timeline-3-guangdong");
	}

	@Test
	void regions_at_a_glance_count_the_sub_regions_in() {
		open("/#regions");
		WebElement guangdong = chromium.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("[data-region='region:guangdong']")));
		assertThat(guangdong.findElements(By.cssSelector("[data-ref='policy:shenzhen-ai-action-plan']"))).isNotEmpty();
		// 广东 counts what is seated in 深圳 and its other cities: at least as many vendors, and the page says how many
		JsonNode regions = Http.get(url("/api/overview/regions?limit=100&cap=0")).json().get("regions");
		long inGuangdong = vendorCount(regions, "region:guangdong");
		assertThat(inGuangdong).isGreaterThanOrEqualTo(vendorCount(regions, "region:shenzhen")).isPositive();
		assertThat(guangdong.getText()).contains(String.valueOf(inGuangdong));
		chromium.screenshot("regions-1-at-a-glance");
	}

	@Test
	void names_switch_between_chinese_and_english() {
		open("/");
		waitForOverview();
		By spark = By.cssSelector("[data-group='models:general'] .card[data-ref='model:spark'], [data-ref='model:spark']");
		chromium.driver().findElement(By.cssSelector("[data-group='models:general'] .more")).click();
		chromium.waiting(WAIT).until(d -> !d.findElements(spark).isEmpty());
		String before = chromium.driver().findElement(spark).getText();
		chromium.driver().findElement(By.id("lang")).click();
		chromium.waiting(WAIT).until(d -> !d.findElements(spark).isEmpty()
				&& !d.findElement(spark).getText().equals(before));
		String[] names = { before, chromium.driver().findElement(spark).getText() };
		assertThat(String.join("|", names)).contains("讯飞星火认知大模型", "iFlytek Spark");
		chromium.driver().findElement(By.id("lang")).click();
	}

	/**
	 * Not asserted, printed: how long after navigation the overview is on screen, on the real seed with a
	 * warm server (the first load warms it).
	 */
	@Test
	void measure_time_until_the_overview_is_drawn() {
		open("/");
		waitForOverview();
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			chromium.driver().navigate().refresh();
			waitForOverview();
			times.add(((Number) chromium.script("return performance.getEntriesByName('overview-drawn')[0].startTime")).doubleValue());
		}
		times.sort(Double::compare);
		System.out.printf("overview drawn after navigation, 5 warm loads: median %.0f ms, min %.0f ms, max %.0f ms %s%n",
				times.get(2), times.get(0), times.get(4), times);
	}

	/** Types part of a region's name into a region filter and picks the region from what it offers. */
	private void pickRegion(String id, String typed, String regionId) {
		WebElement input = chromium.driver().findElement(By.id(id));
		input.click();
		input.sendKeys(typed);
		chromium.waiting(WAIT)
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + "-options li[data-id='" + regionId + "']")))
			.click();
	}

	/** The filters are drawn again once their options arrive: wait for that before choosing. */
	private void optionsLoaded(String... selects) {
		for (String select : selects) {
			chromium.waiting(WAIT).until(d -> d.findElements(By.cssSelector(select + " option")).size() > 1);
		}
	}

	private void open(String path) {
		chromium.driver().get("about:blank");
		chromium.driver().get(url(path));
	}

	private void waitForOverview() {
		chromium.waiting(WAIT).until(d -> Boolean.TRUE.equals(chromium.script(
				"return performance.getEntriesByName('overview-drawn').length > 0")));
		chromium.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-section='models'] .card")));
	}

	private Map<String, Integer> groupCounts(String section) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		for (WebElement group : chromium.driver().findElements(By.cssSelector("[data-section='" + section + "'] .ov-group"))) {
			String key = group.getDomAttribute("data-group").substring(section.length() + 1);
			counts.put(key, Integer.parseInt(group.findElement(By.cssSelector("header .count")).getText().strip()));
		}
		return counts;
	}

	private List<WebElement> cards(String group) {
		return chromium.driver().findElements(By.cssSelector(group + " .card"));
	}

	private List<String> refsIn(String selector) {
		return chromium.driver().findElements(By.cssSelector(selector + " .card")).stream()
			.map(c -> c.getDomAttribute("data-ref"))
			.toList();
	}

	/** A real mouse move onto the point of an event in the chart. */
	private void hoverEvent(String ref) {
		@SuppressWarnings("unchecked")
		List<Number> at = (List<Number>) chromium.script("""
				const chart = window.landscape.timeline.chart;
				const option = chart.getOption();
				for (let s = 0; s < option.series.length; s++) {
				  const i = option.series[s].data.findIndex(d => d.event.node.ref === arguments[0]);
				  if (i >= 0) {
				    const d = option.series[s].data[i];
				    const p = chart.convertToPixel({seriesIndex: s}, d.value);
				    return [p[0] + d.symbolOffset[0], p[1] + d.symbolOffset[1]];
				  }
				}
				return null;
				""", ref);
		assertThat(at).as("point of %s", ref).isNotNull();
		WebElement canvas = chromium.driver().findElement(By.cssSelector("#timeline-chart canvas"));
		int width = ((Number) chromium.script("return arguments[0].clientWidth", canvas)).intValue();
		int height = ((Number) chromium.script("return arguments[0].clientHeight", canvas)).intValue();
		new Actions(chromium.driver())
			.moveToElement(canvas, (int) (at.get(0).doubleValue() - width / 2.0), (int) (at.get(1).doubleValue() - height / 2.0))
			.perform();
	}

	private static long vendorCount(JsonNode regions, String ref) {
		for (JsonNode region : regions) {
			if (ref.equals(region.get("region").get("ref").asString())) {
				return region.get("vendorCount").asLong();
			}
		}
		throw new AssertionError(ref + " is not among the regions");
	}

}
