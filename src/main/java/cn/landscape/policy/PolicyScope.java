package cn.landscape.policy;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.landscape.entity.Keyed;

/** Who a policy applies to: the whole country, a local government's area, or another country's (export controls). */
public enum PolicyScope implements Keyed {

	NATIONAL, LOCAL, FOREIGN;

	/** Lower case, words joined by '-' ({@code device-cloud}). */
	@JsonValue
	@Override
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
