package cn.landscape.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.landscape.entity.Keyed;

/** Where a model runs: in the cloud, on the device, or split between them. */
public enum Deployment implements Keyed {

	CLOUD, DEVICE, DEVICE_CLOUD;

	/** Lower case, words joined by '-' ({@code device-cloud}). */
	@JsonValue
	@Override
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
