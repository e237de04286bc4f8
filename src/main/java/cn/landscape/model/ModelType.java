package cn.landscape.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.landscape.entity.Keyed;

/** A model's scope: general-purpose, or built for an industry. */
public enum ModelType implements Keyed {

	GENERAL, INDUSTRY;

	/** Lower case, words joined by '-' ({@code device-cloud}). */
	@JsonValue
	@Override
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
