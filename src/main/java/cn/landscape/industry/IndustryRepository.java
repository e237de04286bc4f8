package cn.landscape.industry;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Industrys by id, with their mapped relationships and evidence. */
public interface IndustryRepository extends Neo4jRepository<Industry, String> {
}
