package cn.landscape.evidence;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Evidence schema of /v3/api-docs as {@link EvidenceJson} writes it, derivedFrom included. */
@Configuration(proxyBeanMethods = false)
class EvidenceSchema {

	@Bean
	OpenApiCustomizer derivedFromInEvidenceSchema() {
		return api -> {
			if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
				return;
			}
			Schema<?> evidence = api.getComponents().getSchemas().get(Evidence.class.getSimpleName());
			if (evidence == null) {
				return;
			}
			evidence.description("Where a fact was read: a verbatim quote of a document (with its section, when known), "
					+ "or the curators' reason for a fact they added (curated); derivedFrom marks machine-written text.");
			if (evidence.getProperties() != null && evidence.getProperties().get("curated") != null) {
				evidence.getProperties().get("curated").description(
						"Present when the fact is the curators' reading rather than a document's statement: their reason. "
								+ "The quote, if any, is the sentence the reading rests on.");
			}
			evidence.addProperty("derivedFrom", new StringSchema().description(
					"Present when the quoted text is machine-written: the id of the document it was written from (the "
							+ "source of a derived document such as blog-summary, or the document itself for a "
							+ "machine-written section of it). Prefer evidence without it."));
		};
	}

}
