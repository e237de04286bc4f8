// Every node carries the label Entity besides its kind. Ids are unique per kind only, so this one is
// a plain range index used when a reference does not say its kind.
CREATE INDEX entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id);

// Exact name resolution: `keys` holds the id, names and aliases, lower-cased, without whitespace;
// the keyword analyzer keeps each as one term.
CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.keys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};

// Ranked search over names, English names and aliases. The cjk analyzer indexes Chinese as bigrams,
// so a two-character fragment (星火, 昇腾) matches, and English words as lower-cased terms.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

// The timeline reads each kind's earliest dates in order from these, instead of sorting the kind
CREATE INDEX policy_date IF NOT EXISTS FOR (n:Policy) ON (n.date);
CREATE INDEX model_release_date IF NOT EXISTS FOR (n:Model) ON (n.releaseDate);

// Substring fallback of the search for a single character (below the cjk analyzer's bigrams).
CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE TEXT INDEX entity_name_en_text IF NOT EXISTS FOR (n:Entity) ON (n.nameEn);
