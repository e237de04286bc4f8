package cn.landscape.evidence;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.JacksonComponent;

/**
 * Evidence as every answer writes it: its fields (a dataset row as {@code source, row, cells}), and {@code derivedFrom} when the quoted text is
 * machine-written (see {@link DerivedText}). Marked here, as the answer is written, so that no query can
 * forget it and a cached answer is marked as the graph is now.
 */
@JacksonComponent
class EvidenceJson extends ValueSerializer<Evidence> {

	private final ObjectProvider<DerivedDocuments> derived;

	/** Lazily: the JSON mapper is built before the database is there, and web tests have no database. */
	EvidenceJson(ObjectProvider<DerivedDocuments> derived) {
		this.derived = derived;
	}

	@Override
	public void serialize(Evidence evidence, JsonGenerator gen, SerializationContext context) {
		String derivedFrom = derivedText(context).derivedFrom(evidence);
		gen.writeStartObject(evidence);
		gen.writeStringProperty("documentId", evidence.documentId());
		if (evidence.isRow()) {
			gen.writeStringProperty("source", evidence.documentId());
			gen.writeStringProperty("row", evidence.row());
			gen.writeName("cells");
			gen.writeStartObject();
			evidence.cells().forEach(gen::writeStringProperty);
			gen.writeEndObject();
			if (evidence.claim() != null) {
				gen.writeStringProperty("claim", evidence.claim());
			}
		}
		else {
			gen.writeStringProperty("quote", evidence.quote());
			gen.writeStringProperty("section", evidence.section());
		}
		if (evidence.curated() != null) {
			gen.writeStringProperty("curated", evidence.curated());
		}
		if (derivedFrom != null) {
			gen.writeStringProperty("derivedFrom", derivedFrom);
		}
		gen.writeEndObject();
	}

	/** Looked up once per answer written (the context's attributes last one write), not once per entry. */
	private DerivedText derivedText(SerializationContext context) {
		if (context.getAttribute(DerivedText.class) instanceof DerivedText text) {
			return text;
		}
		DerivedDocuments documents = derived.getIfAvailable();
		DerivedText text = documents == null ? DerivedText.NONE : documents.current();
		context.setAttribute(DerivedText.class, text);
		return text;
	}

}
