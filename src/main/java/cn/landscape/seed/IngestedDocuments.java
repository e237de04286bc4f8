package cn.landscape.seed;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.yaml.snakeyaml.error.YAMLException;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Fact;
import cn.landscape.seed.SeedModel.Relation;

/**
 * Documents added through the API or the command line: {@code documents/<id>.yaml} holds the document's
 * record, the entities it mentions (their evidence), entities accepted from it and the facts accepted
 * from it; {@code documents/<id>.txt} holds its plain text. Every quote must be found in that text.
 * The folder is seed data like the rest: the graph equals graph-seed/ with it.
 */
public final class IngestedDocuments {

	/** The folder under graph-seed/ and the format version the document service writes. */
	public static final String FOLDER = "documents";

	private static final Set<String> FIELDS = Set.of("id", "title", "publisher", "date", "url", "sha256", "mentions",
			"entities", "relations");

	private final Path dir;

	private final Consumer<SeedError> errors;

	private final List<Entity> documents = new ArrayList<>();

	private final List<Parsed> parsed = new ArrayList<>();

	private record Parsed(String file, String id, String text, Map<?, ?> record) {
	}

	private IngestedDocuments(Path dir, Consumer<SeedError> errors) {
		this.dir = dir;
		this.errors = errors;
	}

	static IngestedDocuments read(Path seedDir, Consumer<SeedError> errors) {
		IngestedDocuments ingested = new IngestedDocuments(seedDir, errors);
		ingested.readFiles();
		return ingested;
	}

	List<Entity> documents() {
		return documents;
	}

	private void readFiles() {
		Path folder = dir.resolve(FOLDER);
		if (!Files.isDirectory(folder)) {
			return;
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			error(FOLDER, "-", null, "cannot be listed: " + ex.getMessage());
			return;
		}
		for (Path path : files) {
			String file = FOLDER + "/" + path.getFileName();
			String base = path.getFileName().toString().replaceFirst("\\.yaml$", "");
			Object loaded;
			try {
				loaded = SeedFiles.yaml(SeedFiles.readUtf8(path));
			}
			catch (IOException | YAMLException ex) {
				error(file, "-", null, "is not readable YAML: " + String.valueOf(ex.getMessage()).replace('\n', ' '));
				continue;
			}
			if (!(loaded instanceof Map<?, ?> map)) {
				error(file, "-", null, "must be a mapping: id, title, publisher, date, url, sha256, mentions, entities, relations");
				continue;
			}
			String id = SeedReader.string(map.get("id"));
			for (Object key : map.keySet()) {
				if (!FIELDS.contains(String.valueOf(key))) {
					error(file, base, String.valueOf(key), "unknown field; allowed: " + FIELDS.stream().sorted().toList());
				}
			}
			if (id == null || !SeedReader.SLUG.matcher(id).matches() || !id.equals(base)) {
				error(file, base, "id", "must be a slug equal to the file name '" + base + "'");
				continue;
			}
			String title = SeedReader.string(map.get("title"));
			if (title == null || title.isBlank()) {
				error(file, id, "title", "required");
				continue;
			}
			String date = SeedReader.string(map.get("date"));
			if (date != null && !SeedReader.ISO_DATE.matcher(date).matches()) {
				error(file, id, "date", "'" + date + "' is not an ISO date (2025, 2025-01 or 2025-01-20)");
			}
			String text = text(folder.resolve(id + ".txt"), file, id);
			if (text == null) {
				continue;
			}
			Map<String, Fact> props = new LinkedHashMap<>();
			props.put("sourceFile", new Fact(FOLDER + "/" + id + ".txt", List.of()));
			for (String field : List.of("publisher", "date", "url")) {
				String value = SeedReader.string(map.get(field));
				if (value != null) {
					props.put(field, new Fact(value, List.of()));
				}
			}
			props.put("kind", new Fact("ingested", List.of()));
			documents.add(new Entity(Kind.DOCUMENT, id, title, null, List.of(), List.of(), props, false));
			parsed.add(new Parsed(file, id, Evidence.squeeze(text), map));
		}
	}

	private String text(Path path, String file, String id) {
		try {
			return SeedFiles.readUtf8(path);
		}
		catch (IOException ex) {
			error(file, id, null, "its text " + FOLDER + "/" + id + ".txt " + (ex.getCause() instanceof CharacterCodingException
					? "is not UTF-8" : "is missing or unreadable"));
		}
		return null;
	}

	/** Adds the accepted new entities, before the open datasets are merged (so that a dataset's row can name one). */
	List<Entity> withEntities(List<Entity> entities) {
		List<Entity> out = new ArrayList<>(entities);
		for (Parsed doc : parsed) {
			int index = 0;
			for (Map<?, ?> raw : list(doc, "entities")) {
				String where = doc.id() + " entities[" + index++ + "]";
				Optional<Kind> kind = Kind.fromKey(SeedReader.string(raw.get("kind")));
				String id = SeedReader.string(raw.get("id"));
				String name = SeedReader.string(raw.get("name"));
				if (kind.isEmpty() || kind.get() == Kind.DOCUMENT || id == null || !SeedReader.SLUG.matcher(id).matches()
						|| name == null || name.isBlank()) {
					error(doc.file(), where, null, "needs kind (an entity kind), id (a slug) and name");
					continue;
				}
				Evidence evidence = quote(doc, where, raw);
				Map<String, Fact> props = new LinkedHashMap<>();
				if (raw.get("type") != null) {
					props.put("type", new Fact(SeedReader.string(raw.get("type")), evidence == null ? List.of() : List.of(evidence)));
				}
				if (kind.get() == Kind.MODEL && !Set.of("general", "industry", "on-device", "device-cloud")
					.contains(SeedReader.string(raw.get("type")))) {
					error(doc.file(), where, "type", "a model needs type: general, industry, on-device or device-cloud");
				}
				if (evidence != null) {
					out.add(new Entity(kind.get(), id, name, null, List.of(), List.of(evidence), props, false));
				}
			}
		}
		return out;
	}

	/** Adds each mention to its entity's evidence: after the datasets, whose entities a text may name too. */
	List<Entity> withMentions(List<Entity> entities) {
		Map<String, Integer> at = new HashMap<>();
		List<Entity> out = new ArrayList<>(entities);
		for (int i = 0; i < out.size(); i++) {
			at.put(out.get(i).ref(), i);
		}
		for (Parsed doc : parsed) {
			int index = 0;
			for (Map<?, ?> raw : list(doc, "mentions")) {
				String where = doc.id() + " mentions[" + index++ + "]";
				String ref = SeedReader.string(raw.get("ref"));
				Integer i = ref == null ? null : at.get(ref);
				if (i == null) {
					error(doc.file(), where, "ref", "'" + ref + "' is not an entity (kind:id)");
					continue;
				}
				Evidence evidence = quote(doc, where, raw);
				if (evidence != null) {
					Entity e = out.get(i);
					List<Evidence> merged = new ArrayList<>(e.evidence());
					merged.add(evidence);
					out.set(i, new Entity(e.kind(), e.id(), e.name(), e.nameEn(), e.aliases(), merged, e.props(), e.curated()));
				}
			}
		}
		return out;
	}

	/** Adds each accepted fact: a new relation, or one more evidence of a relation the seed already has. */
	List<Relation> withRelations(List<Relation> relations, List<Entity> entities) {
		Map<String, Entity> byRef = new HashMap<>();
		entities.forEach(e -> byRef.put(e.ref(), e));
		Map<String, Integer> at = new HashMap<>();
		List<Relation> out = new ArrayList<>(relations);
		for (int i = 0; i < out.size(); i++) {
			at.put(out.get(i).key(), i);
		}
		for (Parsed doc : parsed) {
			int index = 0;
			for (Map<?, ?> raw : list(doc, "relations")) {
				String where = doc.id() + " relations[" + index++ + "]";
				Optional<RelType> type = RelType.fromName(SeedReader.string(raw.get("type")));
				Entity from = byRef.get(SeedReader.string(raw.get("from")));
				Entity to = byRef.get(SeedReader.string(raw.get("to")));
				if (type.isEmpty() || type.get() == RelType.MENTIONS) {
					error(doc.file(), where, "type", "'" + raw.get("type") + "' is not a relationship type");
					continue;
				}
				if (from == null || to == null) {
					error(doc.file(), where, from == null ? "from" : "to", "does not resolve to any entity (kind:id)");
					continue;
				}
				if (!type.get().from().contains(from.kind()) || !type.get().to().contains(to.kind())) {
					error(doc.file(), where, "type", type.get() + " does not go from a " + from.kind().key() + " to a "
							+ to.kind().key());
					continue;
				}
				Evidence evidence = quote(doc, where, raw);
				if (evidence == null) {
					continue;
				}
				Map<String, Object> props = new LinkedHashMap<>();
				String date = SeedReader.string(raw.get("date"));
				if (date != null) {
					if (!SeedReader.ISO_DATE.matcher(date).matches()) {
						error(doc.file(), where, "date", "'" + date + "' is not an ISO date");
					}
					props.put("date", date);
				}
				String key = Relation.key(from.kind(), from.id(), type.get().name(), to.kind(), to.id());
				Integer i = at.get(key);
				if (i == null) {
					at.put(key, out.size());
					out.add(new Relation(type.get(), from.kind(), from.id(), to.kind(), to.id(), List.of(evidence), props, false));
				}
				else {
					Relation r = out.get(i);
					List<Evidence> merged = new ArrayList<>(r.evidence());
					merged.add(evidence);
					Map<String, Object> mergedProps = new LinkedHashMap<>(props);
					mergedProps.putAll(r.props());
					out.set(i, new Relation(r.type(), r.fromKind(), r.fromId(), r.toKind(), r.toId(), merged, mergedProps,
							r.curated()));
				}
			}
		}
		return out;
	}

	private Evidence quote(Parsed doc, String where, Map<?, ?> raw) {
		String quote = SeedReader.string(raw.get("quote"));
		if (quote == null || quote.isBlank()) {
			error(doc.file(), where, "quote", "a verbatim quote is required");
			return null;
		}
		if (!doc.text().contains(Evidence.squeeze(quote))) {
			error(doc.file(), where, "quote", "not found in " + FOLDER + "/" + doc.id() + ".txt: \"" + quote + "\"");
			return null;
		}
		return Evidence.of(doc.id(), quote, SeedReader.string(raw.get("section")));
	}

	private List<Map<?, ?>> list(Parsed doc, String field) {
		Object raw = doc.record().get(field);
		if (raw == null) {
			return List.of();
		}
		List<Map<?, ?>> out = new ArrayList<>();
		if (raw instanceof List<?> items) {
			for (Object item : items) {
				if (item instanceof Map<?, ?> map) {
					out.add(map);
				}
				else {
					error(doc.file(), doc.id(), field, "every entry must be a mapping");
				}
			}
		}
		else {
			error(doc.file(), doc.id(), field, "must be a list");
		}
		return out;
	}

	private void error(String file, String record, String field, String message) {
		errors.accept(new SeedError(file, record, field, message));
	}

}
