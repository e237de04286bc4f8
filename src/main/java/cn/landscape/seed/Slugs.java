package cn.landscape.seed;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

import com.hankcs.hanlp.HanLP;

/**
 * Readable ids for new entities: from the English name ({@code deepseek-r1}), or from the pinyin of a Chinese
 * one ({@code yue-zhi-an-mian}); never a hash.
 */
final class Slugs {

	private static final Map<Character, String> GREEK = Map.of('α', "alpha", 'β', "beta", 'γ', "gamma", 'δ', "delta",
			'Σ', "sigma", 'σ', "sigma", 'Ω', "omega", 'μ', "mu", 'π', "pi", 'λ', "lambda");

	private Slugs() {
	}

	static String of(String name) {
		StringBuilder out = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
				out.append('-').append(HanLP.convertToPinyinString(String.valueOf(c), "", false)).append('-');
			}
			else if (GREEK.containsKey(c)) {
				out.append('-').append(GREEK.get(c));
			}
			else {
				out.append(c);
			}
		}
		String ascii = Normalizer.normalize(out, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "entity" : slug;
	}

}
