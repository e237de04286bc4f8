package cn.landscape.region;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Regions by id, with their mapped relationships and evidence. */
public interface RegionRepository extends Neo4jRepository<Region, String> {
}
