package cn.landscape.model;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Models by id, with their mapped relationships and evidence. */
public interface ModelRepository extends Neo4jRepository<Model, String> {
}
