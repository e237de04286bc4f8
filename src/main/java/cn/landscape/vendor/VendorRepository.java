package cn.landscape.vendor;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Vendors by id, with their mapped relationships and evidence. */
public interface VendorRepository extends Neo4jRepository<Vendor, String> {
}
