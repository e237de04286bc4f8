package cn.landscape.policy;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Policys by id, with their mapped relationships and evidence. */
public interface PolicyRepository extends Neo4jRepository<Policy, String> {
}
