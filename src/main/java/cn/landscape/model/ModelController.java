package cn.landscape.model;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.entity.Entity;
import cn.landscape.entity.Kind;
import cn.landscape.entity.NodeRef;
import cn.landscape.entity.PartialDate;
import cn.landscape.entity.Refs;
import cn.landscape.evidence.Evidence;
import cn.landscape.evidence.EvidencedLink;

/** One model as its typed entity: scope, deployment, dates, and who develops it, what it serves and runs on. */
@RestController
@Tag(name = "Models")
class ModelController {

	private final ModelRepository models;

	private final Refs refs;

	ModelController(ModelRepository models, Refs refs) {
		this.models = models;
		this.refs = refs;
	}

	/** Another entity the model is linked to, with the evidence of that link. */
	record Link(NodeRef node, List<Evidence> evidence, boolean curated) {

		static Link of(Entity entity, Kind kind, EvidencedLink link) {
			return new Link(new NodeRef(entity.getId(), kind.key(), kind.key() + ":" + entity.getId(), entity.getName(),
					entity.getNameEn()), link.evidence(), link.isCurated());
		}
	}

	record ModelAnswer(String id, String ref, String name, String nameEn, List<String> aliases, ModelType type,
			Deployment deployment, PartialDate releaseDate, PartialDate openSourceDate, List<String> capabilities,
			List<Link> developers, List<Link> serves, List<Link> runsOn, List<Link> trainedOn, List<Link> versionOf,
			List<Link> basedOn, Map<String, List<Evidence>> propertyEvidence) {
	}

	@GetMapping("/api/models/{ref}")
	@Transactional(readOnly = true)
	@Operation(summary = "A model: its scope (type), deployment, dates and capabilities with their evidence, its developers, the industries it serves, the chips it runs and trains on, and the models it is a version of or based on")
	ModelAnswer model(@Parameter(description = "Model id, name or alias", example = "spark") @PathVariable String ref) {
		Model m = models.findById(refs.resolve("ref", ref, Kind.MODEL).id()).orElseThrow();
		return new ModelAnswer(m.getId(), Kind.MODEL.key() + ":" + m.getId(), m.getName(), m.getNameEn(), m.getAliases(),
				m.getType(), m.getDeployment(), m.getReleaseDate(), m.getOpenSourceDate(), m.getCapabilities(),
				m.getDevelopers().stream().map(l -> Link.of(l.getVendor(), Kind.VENDOR, l)).toList(),
				m.getServes().stream().map(l -> Link.of(l.getIndustry(), Kind.INDUSTRY, l)).toList(),
				m.getRunsOn().stream().map(l -> Link.of(l.getChip(), Kind.CHIP, l)).toList(),
				m.getTrainedOn().stream().map(l -> Link.of(l.getChip(), Kind.CHIP, l)).toList(),
				m.getVersionOf().stream().map(l -> Link.of(l.getModel(), Kind.MODEL, l)).toList(),
				m.getBasedOn().stream().map(l -> Link.of(l.getModel(), Kind.MODEL, l)).toList(), m.propertyEvidence());
	}

}
