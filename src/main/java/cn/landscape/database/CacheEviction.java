package cn.landscape.database;

import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.landscape.seed.SeedLoadedEvent;

/**
 * Every cached answer is derived from the graph, and the graph changes only through the seed loader: each
 * load empties every cache. Entries also expire (spring.cache.caffeine.spec), for a database that another
 * process loads.
 */
@Component
class CacheEviction {

	private final CacheManager caches;

	CacheEviction(CacheManager caches) {
		this.caches = caches;
	}

	@EventListener
	void seedLoaded(SeedLoadedEvent event) {
		caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
	}

}
