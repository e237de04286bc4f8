package cn.landscape.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Relation;

/**
 * Reads graph-seed/ and validates all of it before anything is written: shape, ids, references, aliases,
 * evidence, dates, then merges the open datasets of sources/. Collects every error and throws them together.
 * Each file format has its reader: {@link DocumentRecords}, {@link EntityRecords}, {@link RelationRecords},
 * {@link IngestedDocuments} and {@link Sources}; {@link SeedChecks} checks across them.
 */
public final class SeedReader {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

	/** Why {@code sector: true|false} needs no quote: the split is the curators' reading, see the README. */
	static final String SECTOR_REASON = "curators' classification: a sector of the economy (true) or a business "
			+ "function that runs across sectors (false); see graph-seed/README.md";

	private SeedReader() {
	}

	public static SeedModel read(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new SeedValidationException(List.of(new SeedError(dir.toString(), "-", null,
					"seed folder not found; set LANDSCAPE_SEED_DIR (landscape.seed.dir)")));
		}
		SeedRecords r = new SeedRecords(dir);
		List<Entity> entities = new ArrayList<>(new DocumentRecords(r).read());
		IngestedDocuments ingested = IngestedDocuments.read(dir, r.errors::add);
		ingested.documents().forEach(d -> r.documentIds.add(d.id()));
		entities.addAll(ingested.documents());
		EntityRecords entityRecords = new EntityRecords(r);
		for (Kind kind : Kind.values()) {
			if (kind.file() != null) {
				entities.addAll(entityRecords.read(kind));
			}
		}
		entities = ingested.withEntities(entities);
		SeedChecks checks = new SeedChecks(r);
		checks.uniqueness(entities);
		List<Relation> relations = new RelationRecords(r).read(entities);
		if (!r.errors.isEmpty()) {
			throw new SeedValidationException(r.errors);
		}
		// The datasets before the added documents' mentions and facts: the document service links a text to
		// every entity the graph has, the datasets' included
		SeedModel merged = Sources.merge(dir, new SeedModel(List.copyOf(entities), List.copyOf(relations), hash(dir)));
		List<Entity> all = ingested.withMentions(merged.entities());
		List<Relation> allRelations = ingested.withRelations(merged.relations(), all);
		// an `unlinked` note says why the documents give an entity no relationship: a dataset's row does not change that
		checks.orphans(entities, allRelations.stream()
			.filter(rel -> rel.evidence().isEmpty() || rel.evidence().stream().anyMatch(e -> !e.isRow()))
			.toList());
		if (!r.errors.isEmpty()) {
			throw new SeedValidationException(r.errors);
		}
		return new SeedModel(List.copyOf(all), List.copyOf(allRelations), merged.hash(), List.copyOf(r.warnings),
				merged.sources());
	}

	static String string(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant().toString().substring(0, 10);
		}
		return String.valueOf(value);
	}

	static String hash(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			MessageDigest digest = SeedFiles.sha256();
			Path sources = dir.resolve(Sources.DIR);
			for (Path file : files.filter(Files::isRegularFile)
				.filter(p -> p.toString().matches(".*\\.ya?ml$") || p.startsWith(sources))
				.sorted()
				.toList()) {
				digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
				digest.update(Files.readAllBytes(file));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
