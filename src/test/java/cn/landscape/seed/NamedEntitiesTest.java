package cn.landscape.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.landscape.entity.Names;
import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel.Entity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entities the five source documents name (fixtures/named-entities.yaml, owned by the tests and written
 * from the documents, not from the seed) must each resolve in graph-seed/, by name or alias, to an entity of
 * the stated kind.
 */
class NamedEntitiesTest {

	private static final String FIXTURE = "/fixtures/named-entities.yaml";

	record Named(String kind, String name) {
	}

	@Test
	void the_fixture_lists_at_least_150_named_entities_across_the_kinds() throws IOException {
		List<Named> named = fixture();
		assertThat(named).hasSizeGreaterThanOrEqualTo(150);
		assertThat(named).allSatisfy(n -> assertThat(Kind.fromKey(n.kind()))
			.as("kind of %s", n.name())
			.isPresent());
		assertThat(named.stream().map(Named::kind).distinct().count()).isGreaterThanOrEqualTo(8);
		Set<Named> seen = new HashSet<>();
		List<Named> duplicates = named.stream().filter(n -> !seen.add(n)).toList();
		assertThat(duplicates).as("entries listed twice in the fixture").isEmpty();
	}

	@Test
	void every_entity_the_documents_name_resolves_in_the_seed_to_an_entity_of_its_kind() throws IOException {
		SeedModel seed = SeedReader.read(Path.of("graph-seed"));
		Map<Kind, Map<String, Set<String>>> index = new HashMap<>();
		for (Entity e : seed.entities()) {
			Map<String, Set<String>> names = index.computeIfAbsent(e.kind(), k -> new HashMap<>());
			List<String> all = new ArrayList<>(e.aliases());
			all.add(e.name());
			if (e.nameEn() != null) {
				all.add(e.nameEn());
			}
			for (String name : all) {
				names.computeIfAbsent(Names.normalize(name), k -> new HashSet<>()).add(e.id());
			}
		}
		List<String> missing = new ArrayList<>();
		for (Named n : fixture()) {
			Kind kind = Kind.fromKey(n.kind()).orElseThrow();
			Set<String> ids = index.getOrDefault(kind, Map.of()).get(Names.normalize(n.name()));
			if (ids == null) {
				String elsewhere = index.entrySet()
					.stream()
					.filter(entry -> entry.getValue().containsKey(Names.normalize(n.name())))
					.map(entry -> entry.getKey().key())
					.toList()
					.toString();
				missing.add(n.kind() + ": " + n.name() + (elsewhere.equals("[]") ? "" : " (found as " + elsewhere + ")"));
			}
		}
		assertThat(missing).as("%d named entities do not resolve in graph-seed/:%n  %s", missing.size(),
				String.join("\n  ", missing))
			.isEmpty();
	}

	private static List<Named> fixture() throws IOException {
		try (InputStream in = NamedEntitiesTest.class.getResourceAsStream(FIXTURE)) {
			assertThat(in).as("test resource " + FIXTURE).isNotNull();
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			assertThat(loaded).as("the fixture is a YAML list").isInstanceOf(List.class);
			List<Named> named = new ArrayList<>();
			for (Object raw : (List<?>) loaded) {
				Map<?, ?> map = (Map<?, ?>) raw;
				Object kind = map.get("kind");
				Object name = map.get("name");
				assertThat(kind).as("kind of %s", raw).isNotNull();
				assertThat(name).as("name of %s", raw).isNotNull();
				named.add(new Named(String.valueOf(kind), String.valueOf(name)));
			}
			return named;
		}
	}

}
