package cn.landscape.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.Kind;
import cn.landscape.entity.Names;
import cn.landscape.entity.RelType;
import cn.landscape.document.Proposal.End;
import cn.landscape.seed.LoadReport;
import cn.landscape.seed.SeedFiles;
import cn.landscape.seed.SeedModel;
import cn.landscape.seed.SeedReader;
import cn.landscape.seed.SeedService;
import cn.landscape.seed.SeedValidationException;

/**
 * Adds documents and decides their proposals. A document's record, text, mentions and accepted facts are
 * written under graph-seed/documents/ and loaded through the seed loader, so the graph always equals its
 * seed; pending and rejected proposals stay in the review folder. Every write to graph-seed/ holds one
 * lock: two accepts at once both land.
 */
@Service
class DocumentService {

	static final int MAX_BYTES = 2 * 1024 * 1024;

	private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?");

	private static final Set<String> MODEL_TYPES = Set.of("general", "industry", "on-device", "device-cloud");

	private final LandscapeProperties properties;

	private final SeedService seeds;

	private final ReviewStore reviews;

	private final ReentrantLock lock = new ReentrantLock();

	DocumentService(LandscapeProperties properties, SeedService seeds, ReviewStore reviews) {
		this.properties = properties;
		this.seeds = seeds;
		this.reviews = reviews;
	}

	record NewDocument(String title, String publisher, String date, String url, String text) {
	}

	/** The answer to an added or requested document. */
	record View(Map<String, Object> document, List<Sentence> sentences, List<Map<String, Object>> mentions,
			List<Map<String, Object>> candidates, List<Map<String, Object>> proposals) {
	}

	/** Checks, extracts, writes the files and loads the seed; on any failure nothing stays written. */
	View add(NewDocument doc) {
		String text = checked(doc);
		String plain = PlainText.reduce(text);
		if (plain.isBlank()) {
			throw DocumentProblems.badField("text", "The text has no readable content once HTML and Markdown are reduced to plain text; send the article's text.");
		}
		String sha = sha256(plain);
		String id = "doc-" + sha.substring(0, 12);
		lock.lock();
		try {
			DocumentFiles files = files();
			Optional<Map<String, Object>> existing = files.record(id);
			if (existing.isPresent()) {
				throw DocumentProblems.of(HttpStatus.CONFLICT, "document-exists", "Document already added",
						"This text was already added as document '" + id + "' (" + existing.get().get("title")
								+ "); see GET /api/documents/" + id + ".",
						Map.of("existing", id, "location", "/api/documents/" + id));
			}
			SeedModel seed = SeedReader.read(properties.seed().dir());
			Extraction x = new Extractor(KnownGraph.of(seed)).extract(id, plain, doc.date().substring(0, 4));
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("id", id);
			record.put("title", doc.title().strip());
			record.put("publisher", doc.publisher().strip());
			record.put("date", doc.date());
			if (doc.url() != null && !doc.url().isBlank()) {
				record.put("url", doc.url().strip());
			}
			record.put("sha256", sha);
			record.put("mentions", mentionEvidence(x));
			record.put("entities", new ArrayList<>());
			record.put("relations", new ArrayList<>());
			Review review = new Review(id, x.mentions(), x.candidates(), x.proposals(), new HashMap<>());
			try {
				files.writeText(id, plain);
				files.writeRecord(id, record);
				seeds.load();
				reviews.save(review);
			}
			catch (RuntimeException | IOException ex) {
				files.delete(id);
				reviews.delete(id);
				throw asProblem(ex);
			}
			return view(id, record, plain, review);
		}
		finally {
			lock.unlock();
		}
	}

	Optional<View> get(String id) {
		DocumentFiles files = files();
		if (!Names.normalize(id).matches("[a-z0-9-]+")) {
			return Optional.empty();
		}
		return files.record(id).map(record -> {
			String plain = files.readText(id);
			Review review = reviews.load(id).orElse(new Review(id, List.of(), List.of(), List.of(), Map.of()));
			return view(id, record, plain, review);
		});
	}

	/** A curator's changes before accepting: another type, or other ends (a ref, name or alias). */
	record Edit(String type, String from, String to, String modelType) {

		static final Edit NONE = new Edit(null, null, null, null);
	}

	/** Accepts a proposal: writes the fact (and any new entity) into the document's seed file and loads. */
	Map<String, Object> accept(String proposalId, Edit edit) {
		lock.lock();
		try {
			Review review = review(proposalId);
			Proposal p = review.proposal(proposalId);
			decided(review, proposalId);
			SeedModel seed = SeedReader.read(properties.seed().dir());
			RelType type = edit.type() == null ? p.type()
					: RelType.fromName(edit.type()).filter(t -> t != RelType.MENTIONS)
						.orElseThrow(() -> DocumentProblems.badField("type", "'" + edit.type() + "' is not a relationship type; use one of "
								+ java.util.Arrays.stream(RelType.values()).filter(t -> t != RelType.MENTIONS).map(Enum::name).toList()));
			End from = edit.from() == null ? p.from() : resolve(seed, "from", edit.from());
			End to = edit.to() == null ? p.to() : resolve(seed, "to", edit.to());
			if (!type.from().contains(from.kind()) || !type.to().contains(to.kind())) {
				throw DocumentProblems.badField("type", type + " goes from " + keys(type.from()) + " to " + keys(type.to())
						+ ", not from a " + from.kind().key() + " to a " + to.kind().key() + "; change the type or an end.");
			}
			DocumentFiles files = files();
			Map<String, Object> record = files.record(review.documentId()).orElseThrow();
			Map<String, Object> before = deepCopy(record);
			String fromRef = entityFor(seed, record, from, p, edit, "from");
			String toRef = entityFor(seed, record, to, p, edit, "to");
			Map<String, Object> fact = new LinkedHashMap<>();
			fact.put("type", type.name());
			fact.put("from", fromRef);
			fact.put("to", toRef);
			fact.put("quote", p.quote());
			if (p.section() != null) {
				fact.put("section", p.section());
			}
			if (p.date() != null && (type == RelType.DEVELOPS || type == RelType.ISSUED_BY)) {
				fact.put("date", p.date());
			}
			fact.put("proposal", p.id());
			DocumentFiles.list(record, "relations").add(fact);
			try {
				files.writeRecord(review.documentId(), record);
				LoadReport report = seeds.load();
				Map<String, String> status = new HashMap<>(review.status());
				status.put(proposalId, Review.ACCEPTED);
				reviews.save(new Review(review.documentId(), review.mentions(), review.candidates(), review.proposals(), status));
				Map<String, Object> answer = new LinkedHashMap<>();
				answer.put("proposal", proposalId);
				answer.put("status", Review.ACCEPTED);
				answer.put("fact", fact);
				answer.put("load", report);
				return answer;
			}
			catch (RuntimeException | IOException ex) {
				restore(files, review.documentId(), before);
				throw asProblem(ex);
			}
		}
		finally {
			lock.unlock();
		}
	}

	Map<String, Object> reject(String proposalId) {
		lock.lock();
		try {
			Review review = review(proposalId);
			decided(review, proposalId);
			Map<String, String> status = new HashMap<>(review.status());
			status.put(proposalId, Review.REJECTED);
			reviews.save(new Review(review.documentId(), review.mentions(), review.candidates(), review.proposals(), status));
			return Map.of("proposal", proposalId, "status", Review.REJECTED);
		}
		finally {
			lock.unlock();
		}
	}

	private Review review(String proposalId) {
		int cut = proposalId.lastIndexOf("-p");
		Optional<Review> review = cut <= 0 || !proposalId.matches("[a-z0-9-]+") ? Optional.empty()
				: reviews.load(proposalId.substring(0, cut));
		if (review.isEmpty() || review.get().proposal(proposalId) == null) {
			throw DocumentProblems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No proposal '" + proposalId
					+ "'. Proposal ids are listed in GET /api/documents/{id} under proposals[].id.", Map.of("ref", proposalId));
		}
		return review.get();
	}

	private static void decided(Review review, String proposalId) {
		String status = review.statusOf(proposalId);
		if (!Review.PENDING.equals(status)) {
			throw DocumentProblems.of(HttpStatus.CONFLICT, "already-decided", "Proposal already decided",
					"Proposal '" + proposalId + "' was already " + status + "; a decision is made once.",
					Map.of("status", status));
		}
	}

	/** The ref of an end, writing a new entity into the document's record for a candidate. */
	private String entityFor(SeedModel seed, Map<String, Object> record, End end, Proposal p, Edit edit, String field) {
		if (!end.candidate()) {
			return end.ref();
		}
		String id = newId(end);
		String ref = SeedModel.ref(end.kind(), id);
		for (SeedModel.Entity e : seed.entities()) {
			if (e.ref().equals(ref)) {
				if (e.name().equals(end.name())) {
					return ref;
				}
				ref = SeedModel.ref(end.kind(), id + "-" + sha256(end.name()).substring(0, 6));
			}
		}
		Map<String, Object> entity = new LinkedHashMap<>();
		entity.put("kind", end.kind().key());
		entity.put("id", ref.substring(ref.indexOf(':') + 1));
		entity.put("name", end.name());
		entity.put("quote", p.quote());
		if (end.kind() == Kind.MODEL) {
			if (edit.modelType() == null || !MODEL_TYPES.contains(edit.modelType())) {
				throw DocumentProblems.badField("modelType", "The " + field + " end is a new model '" + end.name()
						+ "': send modelType, one of " + MODEL_TYPES.stream().sorted().toList()
						+ ", or an existing model as '" + field + "'.");
			}
			entity.put("type", edit.modelType());
		}
		if (end.kind() == Kind.REGION || end.kind() == Kind.FIGURE) {
			throw DocumentProblems.badField(field, "A new " + end.kind().key() + " needs curated properties; add it to graph-seed/entities first and send its ref as '" + field + "'.");
		}
		List<Map<String, Object>> entities = DocumentFiles.list(record, "entities");
		if (entities.stream().noneMatch(e -> e.get("id").equals(entity.get("id")) && e.get("kind").equals(entity.get("kind")))) {
			entities.add(entity);
		}
		return ref;
	}

	/** A slug from a Latin name (GLM-130B is glm-130b); a Chinese name gets its kind and a digest. */
	static String newId(End end) {
		String slug = end.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		boolean latin = end.name().chars().allMatch(c -> c < 128);
		return latin && slug.length() >= 2 ? slug : end.kind().key() + "-" + sha256(end.name()).substring(0, 10);
	}

	private static End resolve(SeedModel seed, String field, String value) {
		String wanted = Names.normalize(value);
		List<SeedModel.Entity> matches = new ArrayList<>();
		for (SeedModel.Entity e : seed.entities()) {
			if (e.kind() == Kind.DOCUMENT) {
				continue;
			}
			if (e.ref().equals(value.strip())) {
				return new End(e.ref(), e.kind(), e.name());
			}
			boolean named = Names.normalize(e.name()).equals(wanted) || Names.normalize(e.nameEn()).equals(wanted)
					|| e.aliases().stream().anyMatch(a -> Names.normalize(a).equals(wanted));
			if (named) {
				matches.add(e);
			}
		}
		if (matches.size() == 1) {
			SeedModel.Entity e = matches.get(0);
			return new End(e.ref(), e.kind(), e.name());
		}
		throw DocumentProblems.badField(field, matches.isEmpty()
				? "'" + value + "' names no entity; send kind:id (model:spark), a name or an alias."
				: "'" + value + "' names several entities " + matches.stream().map(SeedModel.Entity::ref).toList()
						+ "; send one as kind:id.");
	}

	private static void restore(DocumentFiles files, String id, Map<String, Object> before) {
		try {
			files.writeRecord(id, before);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ErrorResponseException asProblem(Exception ex) {
		if (ex instanceof ErrorResponseException problem) {
			return problem;
		}
		if (ex instanceof SeedValidationException invalid) {
			return DocumentProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "seed-invalid", "Seed invalid, nothing written",
					invalid.getMessage(), Map.of("errors", invalid.errors()));
		}
		throw ex instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) ex);
	}

	/** Required fields, date shape, size and text that is text. */
	private static String checked(NewDocument doc) {
		if (doc.text() == null || doc.text().isBlank()) {
			throw DocumentProblems.badField("text", "The text is empty; send the document's text in 'text'.");
		}
		int bytes = doc.text().getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_BYTES) {
			throw DocumentProblems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Text too large", "The text is " + bytes
					+ " bytes; the limit is " + MAX_BYTES + " bytes (2 MB). Split the document and add each part.",
					Map.of("field", "text", "limit", MAX_BYTES));
		}
		if (binary(doc.text())) {
			throw DocumentProblems.badField("text", "The text holds control characters or undecodable bytes: send UTF-8 text, not a binary file (PDF, Word: export the text first).");
		}
		if (doc.title() == null || doc.title().isBlank()) {
			throw DocumentProblems.badField("title", "'title' is required: the document's title.");
		}
		if (doc.publisher() == null || doc.publisher().isBlank()) {
			throw DocumentProblems.badField("publisher", "'publisher' is required: who published the document.");
		}
		limitLength(doc.title(), "title", 500);
		limitLength(doc.publisher(), "publisher", 500);
		limitLength(doc.url(), "url", 2000);
		if (doc.date() == null || !DATE.matcher(doc.date()).matches()) {
			throw DocumentProblems.badField("date", "'date' must be the publication month or day, 2025-01 or 2025-01-20; was '"
					+ doc.date() + "'.");
		}
		return doc.text();
	}

	/** A title, publisher or url is a name in the graph, indexed and shown whole: a text's length is refused. */
	private static void limitLength(String value, String field, int limit) {
		if (value != null && value.strip().length() > limit) {
			throw DocumentProblems.badField(field, "'" + field + "' is " + value.strip().length()
					+ " characters; the limit is " + limit + ". Send the document's " + field + ", and its content in 'text'.");
		}
	}

	/** NUL, other control characters beyond a trace, or the replacement character of undecodable bytes. */
	static boolean binary(String text) {
		int control = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0 || c == '\uFFFD') {
				return true;
			}
			if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
				control++;
			}
		}
		return control > Math.max(2, text.length() / 200);
	}

	/** One evidence per mentioned entity: the sentence of its first mention. */
	private static List<Map<String, Object>> mentionEvidence(Extraction x) {
		Map<String, Map<String, Object>> first = new LinkedHashMap<>();
		for (Mention m : x.mentions()) {
			if (m.ambiguous() || first.containsKey(m.ref())) {
				continue;
			}
			Sentence s = x.sentences().get(m.sentence());
			Map<String, Object> evidence = new LinkedHashMap<>();
			evidence.put("ref", m.ref());
			evidence.put("quote", Quotes.around(s, m.start(), m.end()));
			if (s.section() != null) {
				evidence.put("section", s.section());
			}
			first.put(m.ref(), evidence);
		}
		return new ArrayList<>(first.values());
	}

	private View view(String id, Map<String, Object> record, String plain, Review review) {
		Map<String, Object> document = new LinkedHashMap<>();
		for (String field : List.of("id", "title", "publisher", "date", "url")) {
			if (record.get(field) != null) {
				document.put(field, String.valueOf(record.get(field)));
			}
		}
		document.put("characters", plain.length());
		document.put("location", "/api/documents/" + id);
		List<Map<String, Object>> proposals = new ArrayList<>();
		for (Proposal p : review.proposals()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", p.id());
			row.put("type", p.type().name());
			row.put("from", end(p.from()));
			row.put("to", end(p.to()));
			row.put("quote", p.quote());
			row.put("sentence", p.sentence());
			row.put("sentences", p.sentences());
			row.put("section", p.section());
			row.put("rule", p.rule());
			row.put("confidence", p.confidence());
			row.put("existing", p.existing());
			row.put("date", p.date());
			row.put("status", review.statusOf(p.id()));
			proposals.add(row);
		}
		List<Map<String, Object>> mentions = new ArrayList<>();
		for (Mention m : review.mentions()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("ref", m.ref());
			row.put("kind", m.kind() == null ? null : m.kind().key());
			row.put("name", m.name());
			row.put("surface", m.surface());
			row.put("start", m.start());
			row.put("end", m.end());
			row.put("sentence", m.sentence());
			row.put("ambiguous", m.ambiguous());
			row.put("candidates", m.candidates());
			mentions.add(row);
		}
		List<Map<String, Object>> candidates = new ArrayList<>();
		for (Candidate c : review.candidates()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", c.name());
			row.put("kind", c.kind() == null ? null : c.kind().key());
			row.put("start", c.start());
			row.put("end", c.end());
			row.put("sentence", c.sentence());
			row.put("rule", c.rule());
			candidates.add(row);
		}
		return new View(document, Sentences.split(plain), mentions, candidates, proposals);
	}

	private static Map<String, Object> end(End end) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("ref", end.ref());
		row.put("kind", end.kind().key());
		row.put("name", end.name());
		row.put("candidate", end.candidate());
		return row;
	}

	private DocumentFiles files() {
		return new DocumentFiles(properties.seed().dir());
	}

	private static String keys(Set<Kind> kinds) {
		return kinds.stream().map(Kind::key).sorted().toList().toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> deepCopy(Map<String, Object> record) {
		Map<String, Object> copy = new LinkedHashMap<>();
		record.forEach((k, v) -> {
			if (v instanceof List<?> list) {
				List<Object> items = new ArrayList<>();
				list.forEach(item -> items.add(item instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : item));
				copy.put(k, items);
			}
			else {
				copy.put(k, v);
			}
		});
		return copy;
	}

	static String sha256(String text) {
		return HexFormat.of().formatHex(SeedFiles.sha256(text));
	}

}
