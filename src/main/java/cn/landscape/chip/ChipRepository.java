package cn.landscape.chip;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Chips by id, with their mapped relationships and evidence. */
public interface ChipRepository extends Neo4jRepository<Chip, String> {
}
