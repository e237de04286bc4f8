package cn.landscape.document;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.landscape.page.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's Documents view in a real (headless) browser, on a temporary copy of graph-seed/. */
class DocumentsPageTest extends TemporarySeedApp {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	@Test
	void a_pasted_text_shows_its_mentions_and_an_accepted_fact_is_drawn_while_hostile_markup_stays_text() {
		chromium.driver().get(url("/"));
		chromium.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("open-documents"))).click();
		// The documents the graph holds: the blog is marked as machine-written from the report
		WebElement blog = chromium.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#doc-list li[data-id='blog-summary'] .badge.derived")));
		assertThat(blog.getDomProperty("textContent")).containsAnyOf("派生自《开启智能新时代", "derived from “开启智能新时代");
		type("doc-token", "test-admin-token");
		type("doc-title", "<script>window.hacked = 'title'</script>赤兔新场景");
		type("doc-publisher", "测试社");
		type("doc-date", "2025-03");
		String html = "<p>容联云的赤兔大模型已落地政务行业。</p><p>&lt;img src=x onerror=\"window.hacked = 'img'\"&gt; 与"
				+ " &lt;script&gt;window.hacked = 'script'&lt;/script&gt; 只是文字。</p>";
		chromium.script("document.getElementById('doc-text').value = arguments[0]", html);
		chromium.driver().findElement(By.id("doc-add")).click();

		chromium.waiting(Duration.ofSeconds(120)).until(d -> {
			String status = d.findElement(By.id("doc-status")).getText();
			return !status.isEmpty() && !status.equals("reading…");
		});
		assertThat(chromium.driver().findElements(By.id("doc-heading")))
			.as("status: %s", chromium.driver().findElement(By.id("doc-status")).getText())
			.isNotEmpty();
		// The outcome of the one request, with its counts and how long it took
		assertThat(chromium.driver().findElement(By.id("doc-status")).getText())
			.matches("added doc-[0-9a-f]+: \\d+ sentences, \\d+ mentions, \\d+ candidates, [1-9]\\d* proposals, in \\d+\\.\\d s");
		assertThat(chromium.driver().findElement(By.id("doc-progress")).isDisplayed()).isFalse();
		WebElement heading = chromium.driver().findElement(By.id("doc-heading"));
		assertThat(heading.getText()).contains("<script>window.hacked = 'title'</script>赤兔新场景");
		List<WebElement> sentences = chromium.driver().findElements(By.cssSelector("#doc-sentences li"));
		assertThat(sentences).extracting(WebElement::getText)
			.anyMatch(t -> t.contains("<img src=x onerror=\"window.hacked = 'img'\">"))
			.anyMatch(t -> t.contains("<script>window.hacked = 'script'</script>"));
		assertThat(chromium.driver().findElements(By.cssSelector("#doc-sentences img, #doc-sentences script"))).isEmpty();
		assertThat(chromium.script("return window.hacked === undefined")).isEqualTo(true);

		WebElement chitu = chromium.driver().findElement(By.cssSelector("#doc-sentences mark[data-ref='model:chitu']"));
		assertThat(chitu.getText()).isEqualTo("赤兔大模型");
		assertThat(chitu.getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
		chromium.screenshot("documents-1-mentions-and-proposals");

		WebElement proposal = chromium.driver().findElements(By.cssSelector("#doc-proposals li.proposal")).stream()
			.filter(p -> p.getText().contains("SERVES") && p.getText().contains("industry:government"))
			.findFirst()
			.orElseThrow();
		proposal.findElement(By.cssSelector("button.accept")).click();
		chromium.waiting(WAIT).until(d -> String.valueOf(chromium.script("return location.hash")).equals("#model:chitu"));
		chromium.waiting(WAIT).until(d -> {
			@SuppressWarnings("unchecked")
			List<String> ids = (List<String>) chromium.script("return window.explorer.nodes.getIds()");
			return ids.contains("industry:government");
		});
		chromium.screenshot("documents-2-accepted-fact-drawn");
	}

	private static void type(String id, String text) {
		WebElement input = chromium.driver().findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

}
