package cn.landscape.document;

import java.util.List;
import java.util.Map;

/**
 * What waits for a curator about one added document: its mentions and candidates as found, and each
 * proposal with its status (pending, accepted, rejected). Kept in the review folder, not in the graph.
 */
record Review(String documentId, List<Mention> mentions, List<Candidate> candidates, List<Proposal> proposals,
		Map<String, String> status) {

	static final String PENDING = "pending";

	static final String ACCEPTED = "accepted";

	static final String REJECTED = "rejected";

	Proposal proposal(String id) {
		return proposals.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
	}

	String statusOf(String id) {
		return status.getOrDefault(id, PENDING);
	}

}
