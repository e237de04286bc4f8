package cn.landscape.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The allowlist of node labels. Every label that reaches a Cypher string comes from here, never from
 * user input. {@code file} is the entity file under graph-seed/entities/.
 */
public enum Kind {

	DOCUMENT("Document", null), VENDOR("Vendor", "vendors"), MODEL("Model", "models"), CHIP("Chip", "chips"),
	POLICY("Policy", "policies"), REGION("Region", "regions"), INDUSTRY("Industry", "industries"),
	APPLICATION("Application", "applications"), BODY("Body", "bodies"), PERSON("Person", "people"),
	FACILITY("Facility", "facilities"), DATASET("Dataset", "datasets"), TECHNOLOGY("Technology", "technologies"),
	FIGURE("Figure", "figures"), EVENT("Event", "events");

	private final String label;

	private final String file;

	private final String key;

	Kind(String label, String file) {
		this.label = label;
		this.file = file;
		this.key = name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return label;
	}

	/** Entity file name without extension, or null for documents (documents.yaml). */
	public String file() {
		return file;
	}

	/** The lower-case name used in references ({@code model:spark}) and in the API ({@code kind=model}). */
	public String key() {
		return key;
	}

	public static Optional<Kind> fromKey(String key) {
		if (key == null) {
			return Optional.empty();
		}
		String k = key.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(kind -> kind.key().equals(k) || kind.label.equalsIgnoreCase(k)).findFirst();
	}

	public static Optional<Kind> fromLabel(String label) {
		return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
	}

}
