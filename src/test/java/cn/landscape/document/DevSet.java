package cn.landscape.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;

/** The articles of src/test/resources/devset/, each with its gold annotation (see the README there). */
final class DevSet {

	static final Path DIR = Path.of("src/test/resources/devset");

	/** A name the graph does not hold, with the other ways the same article writes it. */
	record NewEntity(String name, Kind kind, List<String> aliases) {

		boolean named(String text) {
			String key = MentionLinker.key(text);
			return MentionLinker.key(name).equals(key) || aliases.stream().anyMatch(a -> MentionLinker.key(a).equals(key));
		}
	}

	/** {@code from} and {@code to} are a known ref ({@code vendor:baidu}) or the name of one of the article's new entities. */
	record GoldFact(RelType type, String from, String to, String sentence) {
	}

	/** {@code batch} 2: written after the first rules, to score text those rules had never seen. */
	record Article(String id, String lang, String style, String split, int batch, String text, List<String> mentions,
			List<NewEntity> news, List<GoldFact> facts) {

		int number() {
			return Integer.parseInt(id.substring(1));
		}

		NewEntity newEntity(String name) {
			return news.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
		}
	}

	private DevSet() {
	}

	static List<Article> load() throws IOException {
		List<Article> out = new ArrayList<>();
		try (Stream<Path> files = Files.list(DIR)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("a\\d+\\.yaml")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					out.add(article(new Yaml(new SafeConstructor(new LoaderOptions())).load(in)));
				}
			}
		}
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Article article(Map<String, Object> y) {
		List<NewEntity> news = new ArrayList<>();
		for (Map<String, Object> n : (List<Map<String, Object>>) y.getOrDefault("new", List.of())) {
			Kind kind = Kind.fromKey(String.valueOf(n.get("kind"))).orElseThrow(() -> new IllegalArgumentException(
					y.get("id") + ": kind " + n.get("kind") + " of " + n.get("name")));
			news.add(new NewEntity(String.valueOf(n.get("name")), kind,
					((List<Object>) n.getOrDefault("aliases", List.of())).stream().map(String::valueOf).toList()));
		}
		List<GoldFact> facts = new ArrayList<>();
		for (Map<String, Object> f : (List<Map<String, Object>>) y.getOrDefault("facts", List.of())) {
			facts.add(new GoldFact(RelType.valueOf(String.valueOf(f.get("type"))), String.valueOf(f.get("from")),
					String.valueOf(f.get("to")), String.valueOf(f.get("sentence"))));
		}
		return new Article(String.valueOf(y.get("id")), String.valueOf(y.get("lang")), String.valueOf(y.get("style")),
				String.valueOf(y.get("split")), ((Number) y.getOrDefault("batch", 1)).intValue(), String.valueOf(y.get("text")),
				((List<Object>) y.getOrDefault("mentions", List.of())).stream().map(String::valueOf).toList(), news, facts);
	}

}
