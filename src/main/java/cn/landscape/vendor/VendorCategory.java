package cn.landscape.vendor;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.landscape.entity.Keyed;

/** What kind of organisation a vendor is, as the documents describe it. */
public enum VendorCategory implements Keyed {

	COMPANY, LAB, UNIVERSITY, RESEARCH, MEDIA, CHIPMAKER, CLOUD;

	@JsonValue
	@Override
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
