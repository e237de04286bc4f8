package cn.landscape.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.landscape.entity.Kind;

/**
 * Rules that find names the graph does not know: quoted names, policy titles, "X大模型" and "X模型",
 * company names by their suffix, chip names by their shape. Each candidate names its rule.
 */
final class CandidateRules {

	static final String QUOTED = "quoted-name";

	static final String POLICY_TITLE = "policy-title";

	static final String MODEL_NAME = "model-name";

	static final String COMPANY_NAME = "company-name";

	static final String CHIP_NAME = "chip-name";

	private static final Pattern QUOTE = Pattern.compile("[“「『\"]([^“”「」『』\"\\n，。；！？,]{2,20})[”」』\"]");

	private static final Pattern TITLE = Pattern.compile(
			"《([^《》\\n]{2,80}?(?:办法|方案|措施|意见|规划|通知|计划|纲要|条例|规定|指南|指引)(?:[（(][^《》）)]{1,20}[）)])?)》");

	private static final Pattern MODEL_SUFFIX = Pattern.compile("大模型|模型");

	private static final Pattern COMPANY_SUFFIX = Pattern
		.compile("股份有限公司|有限责任公司|有限公司|集团|科技|研究院|研究所|实验室");

	private static final Pattern LATIN_CHIP = Pattern
		.compile("(?<![A-Za-z0-9.\\-])([A-Z][A-Za-z]{0,9}[ \\-]?\\d{2,4}[A-Za-z]{0,3})(?![A-Za-z0-9%.])");

	private static final Pattern HAN_CHIP = Pattern.compile("(\\p{IsHan}{2,4})(\\d{3,4})(?![\\d年月日个家亿万%．.])");

	private static final Pattern CHIP_WORDS = Pattern.compile("芯片|GPU|NPU|TPU|CPU|加速卡|处理器|显卡|算力卡|AI芯|昇腾|晶圆");

	/** Characters that never belong to a name: particles, conjunctions, measure words. */
	private static final String STOP = "的了在和与及是为等将把被从对由以个款项类种其各这该此并或也都还已于向让到、，。：；！？（）()《》“”「」\"'【】[]·—…,:;!?|/\\";

	/** Words that describe a model rather than name it: "通用大模型" names no model. */
	private static final List<String> GENERIC = List.of("超大规模", "大语言", "人工智能", "生成式", "多模态", "预训练", "新一代", "企业级",
			"个性化", "通用", "行业", "垂直", "端侧", "云侧", "端云", "开源", "闭源", "国产", "国内", "国外", "海外", "语言", "视觉", "基础",
			"底座", "自研", "认知", "千亿", "万亿", "百亿", "参数", "专业", "领域", "产业", "手机", "中文", "中国", "我国", "全球", "主流",
			"各类", "相关", "超大", "智能", "训练", "推理", "专属", "场景", "城市", "数学", "代码", "科学", "金融", "医疗", "政务", "教育",
			"工业", "文本", "图像", "视频", "语音", "知识", "对话", "多个", "大量", "众多", "这些", "不同", "更多", "优秀", "头部", "小",
			"大", "AI", "PC", "GPT", "LLM", "IT", "终端", "汽车", "应用", "技术", "数据", "算法", "架构", "模型", "混合", "专用", "首个",
			"该", "其", "新", "旗舰");

	private CandidateRules() {
	}

	/** Candidates in text order; names covered by a known mention are not candidates. */
	static List<Candidate> find(String text, List<Sentence> sentences, List<Mention> mentions) {
		boolean[] known = new boolean[text.length() + 1];
		for (Mention m : mentions) {
			for (int i = m.start(); i < m.end(); i++) {
				known[i] = true;
			}
		}
		List<Candidate> out = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Sentence s : sentences) {
			String t = s.text();
			titles(s, t, known, out, seen);
			quoted(s, t, known, out, seen);
			suffixed(s, t, known, MODEL_SUFFIX, Kind.MODEL, MODEL_NAME, out, seen);
			suffixed(s, t, known, COMPANY_SUFFIX, Kind.VENDOR, COMPANY_NAME, out, seen);
			if (CHIP_WORDS.matcher(t).find()) {
				chips(s, t, known, out, seen);
			}
		}
		out.sort(java.util.Comparator.comparingInt(Candidate::start));
		return out;
	}

	private static void titles(Sentence s, String t, boolean[] known, List<Candidate> out, Set<String> seen) {
		Matcher m = TITLE.matcher(t);
		while (m.find()) {
			add(s, m.group(1), Kind.POLICY, m.start(1), m.end(1), POLICY_TITLE, known, out, seen);
		}
	}

	private static void quoted(Sentence s, String t, boolean[] known, List<Candidate> out, Set<String> seen) {
		Matcher m = QUOTE.matcher(t);
		while (m.find()) {
			String name = m.group(1).strip();
			String after = t.substring(m.end(), Math.min(t.length(), m.end() + 6));
			Kind kind = guess(name, after);
			add(s, name, kind, m.start(1), m.end(1), QUOTED, known, out, seen);
		}
	}

	/** A quoted name's kind from its own ending or the word right after the closing quote. */
	private static Kind guess(String name, String after) {
		if (name.endsWith("模型") || after.startsWith("大模型") || after.startsWith("模型") || after.startsWith("GPT")) {
			return Kind.MODEL;
		}
		if (COMPANY_SUFFIX.matcher(name).find() && name.length() > 3) {
			return Kind.VENDOR;
		}
		if (after.matches("^(智能)?(创作引擎|引擎|平台|助手|App|APP|应用|系统|产品|机器人).*")) {
			return Kind.APPLICATION;
		}
		if (after.matches("^(芯片|GPU|处理器|加速卡).*")) {
			return Kind.CHIP;
		}
		return null;
	}

	/**
	 * "X大模型", "X科技": walks left from the suffix over name characters, stops at particles, punctuation
	 * and known names, then drops describing words; what is left, if anything, is the name.
	 */
	private static void suffixed(Sentence s, String t, boolean[] known, Pattern suffix, Kind kind, String rule,
			List<Candidate> out, Set<String> seen) {
		Matcher m = suffix.matcher(t);
		while (m.find()) {
			if (kind == Kind.MODEL && m.group().equals("模型") && m.start() > 0 && t.charAt(m.start() - 1) == '大') {
				continue;
			}
			if (kind == Kind.VENDOR && !endsName(t, m.end())) {
				continue;
			}
			int left = m.start();
			while (left > 0 && m.start() - left < 12) {
				char c = t.charAt(left - 1);
				if (STOP.indexOf(c) >= 0 || Character.isDigit(c) && kind == Kind.VENDOR || known[s.start() + left - 1]
						|| Character.isWhitespace(c) && !(left >= 2 && isLatin(t.charAt(left - 2)))) {
					break;
				}
				left--;
			}
			String x = stripGeneric(t.substring(left, m.start()).strip());
			if (x.length() < 2 || x.chars().allMatch(Character::isDigit)) {
				continue;
			}
			int start = m.start() - x.length();
			while (start > 0 && !t.startsWith(x, start)) {
				start--;
			}
			add(s, x + m.group(), kind, start, m.end(), rule, known, out, seen);
		}
	}

	/** A company suffix ends the name only where the next character cannot continue a word. */
	private static boolean endsName(String t, int end) {
		if (end >= t.length()) {
			return true;
		}
		char next = t.charAt(end);
		return !Character.isLetterOrDigit(next) || "的和与等推发在于是将已也旗联自作".indexOf(next) >= 0;
	}

	private static String stripGeneric(String x) {
		String rest = x;
		boolean changed = true;
		while (changed && !rest.isEmpty()) {
			changed = false;
			for (String g : GENERIC) {
				if (rest.startsWith(g)) {
					rest = rest.substring(g.length()).strip();
					changed = true;
				}
			}
		}
		boolean tail = true;
		while (tail && !rest.isEmpty()) {
			tail = false;
			for (String g : GENERIC) {
				if (rest.endsWith(g) && rest.length() > g.length()) {
					String before = rest.substring(0, rest.length() - g.length()).strip();
					if (GENERIC.contains(before) || before.length() < 2) {
						return "";
					}
				}
			}
		}
		return GENERIC.contains(rest) ? "" : rest;
	}

	private static void chips(Sentence s, String t, boolean[] known, List<Candidate> out, Set<String> seen) {
		Matcher latin = LATIN_CHIP.matcher(t);
		while (latin.find()) {
			String name = latin.group(1);
			if (!name.matches("(?i)(GPT|COVID|Top|Windows|iPhone|Mate|Qwen|GLM|Llama|Turbo)[ \\-]?\\d.*")) {
				add(s, name, Kind.CHIP, latin.start(1), latin.end(1), CHIP_NAME, known, out, seen);
			}
		}
		Matcher han = HAN_CHIP.matcher(t);
		while (han.find()) {
			String prefix = han.group(1);
			int cut = prefix.length();
			for (int i = prefix.length() - 1; i >= 0; i--) {
				if (STOP.indexOf(prefix.charAt(i)) >= 0) {
					cut = prefix.length() - 1 - i;
					break;
				}
			}
			if (cut >= 2) {
				int start = han.end(1) - cut;
				add(s, t.substring(start, han.end(2)), Kind.CHIP, start, han.end(2), CHIP_NAME, known, out, seen);
			}
		}
	}

	private static void add(Sentence s, String name, Kind kind, int from, int to, String rule, boolean[] known,
			List<Candidate> out, Set<String> seen) {
		int start = s.start() + from;
		int end = s.start() + to;
		boolean covered = true;
		for (int i = start; i < end && covered; i++) {
			covered = known[i];
		}
		if (covered || name.isBlank()) {
			return;
		}
		if (seen.add(s.index() + "|" + start + "|" + end)) {
			out.add(new Candidate(name.strip(), kind, start, end, s.index(), rule));
		}
	}

	private static boolean isLatin(char c) {
		return c < 128 && Character.isLetterOrDigit(c);
	}

}
