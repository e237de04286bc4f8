package cn.landscape.region;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.landscape.entity.Keyed;

/** Where a region sits in the administrative geography (curated, not read from the documents). */
public enum RegionLevel implements Keyed {

	COUNTRY, PROVINCE, CITY, DISTRICT, CLUSTER;

	@JsonValue
	@Override
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
