package cn.landscape.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits plain text into sentences on Chinese and English sentence ends (。！？；. ! ?) and on paragraph
 * breaks (new lines; a table row is one sentence), keeping quotations (“…” 「…」 ‘…’) and titles (《…》) whole. A title
 * broken by a single line end (text copied from a PDF) stays whole too.
 */
final class Sentences {

	/** A heading such as "2.3 中国 AI 通用大模型典型案例" sets the section of the sentences under it. */
	private static final Pattern HEADING = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\s*[^\\d.\\s%]");

	/** A quotation or title left open longer than this is a stray mark, not a quotation to keep whole. */
	private static final int MAX_OPEN = 300;

	private Sentences() {
	}

	static List<Sentence> split(String text) {
		List<Sentence> sentences = new ArrayList<>();
		String section = null;
		int paragraph = 0;
		int start = 0;
		int depth = 0;
		int openedAt = -1;
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c == '\n' && depth > 0 && text.charAt(openedAt) == '《' && i - openedAt < MAX_OPEN
					&& !(i + 1 < n && text.charAt(i + 1) == '\n')) {
				continue;
			}
			if (c == '\n' && continues(text, i)) {
				continue;
			}
			if (c == '\n') {
				section = add(sentences, text, start, i, paragraph, section);
				start = i + 1;
				depth = 0;
				paragraph++;
				continue;
			}
			if (isOpening(c)) {
				if (depth == 0) {
					openedAt = i;
				}
				depth++;
				continue;
			}
			if (isClosing(c) && depth > 0) {
				depth--;
				continue;
			}
			if (depth > 0 && i - openedAt > MAX_OPEN) {
				depth = 0;
			}
			if (depth == 0 && isEnd(text, i)) {
				int end = i + 1;
				while (end < n && (isEndMark(text.charAt(end)) || isClosing(text.charAt(end)))) {
					end++;
				}
				section = add(sentences, text, start, end, paragraph, section);
				start = end;
				i = end - 1;
			}
		}
		add(sentences, text, start, n, paragraph, section);
		return sentences;
	}

	/** Characters that cannot open a sentence: a line starting with one continues the line before. */
	private static final String CONTINUATION = "等的了、，,。；;：:）)”》";

	/**
	 * A line break inside a sentence, as text copied from a PDF has them ("…教育辅导、客服\n\n等领域；"): the
	 * line before does not end a sentence and the next text cannot start one.
	 */
	private static boolean continues(String text, int lineEnd) {
		int before = lineEnd - 1;
		while (before >= 0 && isBlank(text.charAt(before))) {
			before--;
		}
		int after = lineEnd + 1;
		while (after < text.length() && isBlank(text.charAt(after))) {
			after++;
		}
		if (before < 0 || after >= text.length()) {
			return false;
		}
		char last = text.charAt(before);
		return CONTINUATION.indexOf(text.charAt(after)) >= 0 && !isEndMark(last) && last != '.';
	}

	private static boolean isOpening(char c) {
		return c == '“' || c == '「' || c == '《' || c == '『' || c == '‘' || c == '〈';
	}

	private static boolean isClosing(char c) {
		return c == '”' || c == '」' || c == '》' || c == '』' || c == '’' || c == '〉';
	}

	private static boolean isEndMark(char c) {
		return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';';
	}

	/** A full stop ends an English sentence only before a space or the end, so 3.5 and V3.5 stay whole. */
	private static boolean isEnd(String text, int i) {
		char c = text.charAt(i);
		if (isEndMark(c)) {
			return true;
		}
		if (c != '.') {
			return false;
		}
		boolean atEnd = i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
		boolean afterWord = i > 0 && Character.isLetter(text.charAt(i - 1)) && text.charAt(i - 1) < 128;
		return atEnd && afterWord && !abbreviation(text, i);
	}

	private static boolean abbreviation(String text, int dot) {
		int from = dot;
		while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
			from--;
		}
		String word = text.substring(from, dot);
		return word.length() == 1 || List.of("e.g", "i.e", "etc", "vs", "Inc", "Ltd", "Co", "Corp", "Mr", "Dr", "No")
			.contains(word);
	}

	private static String add(List<Sentence> sentences, String text, int from, int to, int paragraph,
			String section) {
		int s = from;
		int e = to;
		while (s < e && isBlank(text.charAt(s))) {
			s++;
		}
		while (e > s && isBlank(text.charAt(e - 1))) {
			e--;
		}
		if (s == e) {
			return section;
		}
		String body = text.substring(s, e);
		boolean lineStart = s == 0 || text.charAt(s - 1) == '\n' || isBlank(text.charAt(s - 1)) && lineStartBefore(text, s);
		Matcher heading = HEADING.matcher(body);
		String current = section;
		if (lineStart && body.length() <= 40 && heading.find()) {
			current = heading.group(1);
		}
		sentences.add(new Sentence(sentences.size(), s, e, paragraph, current, body));
		return current;
	}

	private static boolean lineStartBefore(String text, int s) {
		int i = s - 1;
		while (i >= 0 && isBlank(text.charAt(i)) && text.charAt(i) != '\n') {
			i--;
		}
		return i < 0 || text.charAt(i) == '\n';
	}

	private static boolean isBlank(char c) {
		return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
	}

}
