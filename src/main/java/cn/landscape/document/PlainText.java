package cn.landscape.document;

import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reduces an HTML or Markdown text to the plain text that sentences, quotes and offsets refer to.
 * Plain text passes through unchanged (apart from line ends and stray tags), so quotes stay verbatim.
 */
final class PlainText {

	private static final Pattern HTML = Pattern.compile(
			"(?is)<(html|body|p|div|br|h[1-6]|span|a|ul|ol|li|table|tr|td|article|section|script|img|head)(\\s[^>]*)?/?>");

	/** Markup that is a page, not remnants in a plain text. */
	private static final Pattern PAGE = Pattern.compile("(?i)<(html|body|head|!doctype)[\\s>]");

	private static final Pattern HIDDEN = Pattern
		.compile("(?is)<(script|style|noscript|template)(\\s[^>]*)?>.*?</\\1\\s*>|</?(script|style|noscript|template)(\\s[^>]*)?/?>");

	private static final Pattern TAG = Pattern.compile(
			"(?is)</?(html|body|p|div|br|h[1-6]|span|a|ul|ol|li|table|tr|td|th|article|section|img|head|b|i|strong|em|font|sup|sub)(\\s[^>]*)?/?>");

	private static final Pattern MARKDOWN_LINE = Pattern.compile("(?m)^(#{1,6}\\s|\\s*[-*+]\\s|\\s*\\d+\\.\\s|>\\s?|```|\\|)");

	private PlainText() {
	}

	static String reduce(String text) {
		String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
		if (HTML.matcher(unified).find()) {
			if (page(unified)) {
				return html(unified);
			}
			unified = TAG.matcher(HIDDEN.matcher(unified).replaceAll("")).replaceAll("");
		}
		if (looksLikeMarkdown(unified)) {
			return markdown(unified);
		}
		return unified;
	}

	/**
	 * An HTML page or fragment: it opens with a tag, declares a page, or tags fill half its lines. A plain
	 * text with tags left in a few lines (a table copied from a page: "《…》\t<p>加快推动…</p>") is not one:
	 * its tags are dropped where they stand, so a table row stays one line.
	 */
	private static boolean page(String text) {
		String start = text.stripLeading();
		if (start.startsWith("<") || PAGE.matcher(text).find()) {
			return true;
		}
		long lines = text.lines().filter(l -> !l.isBlank()).count();
		long tagged = text.lines().filter(l -> HTML.matcher(l).find()).count();
		return tagged * 2 >= lines;
	}

	private static boolean looksLikeMarkdown(String text) {
		return MARKDOWN_LINE.matcher(text).find() || text.contains("](") || text.contains("**") || text.contains("__");
	}

	/** Block elements end a paragraph; scripts and styles are not text. */
	private static String html(String text) {
		Document doc = Jsoup.parse(text);
		doc.select("script, style, noscript, template, head").remove();
		for (Element block : doc.select("p, div, br, li, tr, h1, h2, h3, h4, h5, h6, article, section, blockquote, pre, table")) {
			block.after("\n");
		}
		doc.outputSettings().prettyPrint(false);
		String withBreaks = doc.body() == null ? "" : doc.body().wholeText();
		return collapseBlankLines(withBreaks);
	}

	/** Markdown line marks (heading, closing hashes, quote, bullet, number) and inline marks, compiled once. */
	private static final List<Pattern> LINE_MARKS = List.of(Pattern.compile("^\\s{0,3}#{1,6}\\s+"), Pattern.compile("\\s+#+\\s*$"),
			Pattern.compile("^\\s*>\\s?"), Pattern.compile("^\\s*[-*+]\\s+"), Pattern.compile("^\\s*\\d+\\.\\s+"));

	private static final Pattern TABLE_RULE = Pattern
		.compile("\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*|\\s*([-*_]\\s*){3,}");

	private static final List<Pattern> INLINE_MARKS = List.of(Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)"),
			Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)"), Pattern.compile("(\\*\\*|__)(.+?)\\1"),
			Pattern.compile("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])"), Pattern.compile("`([^`]+)`"));

	private static final List<String> INLINE_KEEP = List.of("$1", "$1", "$2", "$1", "$1");

	private static final Pattern CELL_EDGE = Pattern.compile("^\\s*\\||\\|\\s*$");

	private static final Pattern CELL_BAR = Pattern.compile("\\s*\\|\\s*");

	private static String markdown(String text) {
		StringBuilder out = new StringBuilder();
		boolean fence = false;
		for (String line : text.split("\n", -1)) {
			String l = line;
			if (l.strip().startsWith("```") || l.strip().startsWith("~~~")) {
				fence = !fence;
				continue;
			}
			if (!fence) {
				for (Pattern mark : LINE_MARKS) {
					l = mark.matcher(l).replaceFirst("");
				}
				if (TABLE_RULE.matcher(l).matches()) {
					continue;
				}
				for (int i = 0; i < INLINE_MARKS.size(); i++) {
					l = INLINE_MARKS.get(i).matcher(l).replaceAll(INLINE_KEEP.get(i));
				}
				if (l.contains("|")) {
					l = CELL_BAR.matcher(CELL_EDGE.matcher(l).replaceAll("")).replaceAll("\t");
				}
			}
			out.append(l).append('\n');
		}
		return collapseBlankLines(out.toString());
	}

	private static String collapseBlankLines(String text) {
		return text.replaceAll("[ \\t\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

}
