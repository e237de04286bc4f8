package cn.landscape.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.neo4j.core.convert.Neo4jConversions;

/**
 * How the entities' typed fields are stored: {@link Keyed} enums and {@link PartialDate}s as their text.
 * A stored text that names no value reads as null rather than failing the whole entity.
 */
@Configuration(proxyBeanMethods = false)
public class EntityConversions {

	@Bean
	public Neo4jConversions neo4jConversions() {
		return new Neo4jConversions(List.of(new AsText()));
	}

	static final class AsText implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(Value.class, Keyed.class), new ConvertiblePair(Keyed.class, Value.class),
					new ConvertiblePair(Value.class, PartialDate.class),
					new ConvertiblePair(PartialDate.class, Value.class));
		}

		@Override
		public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			if (source == null) {
				return targetType.getType() == Value.class ? Values.NULL : null;
			}
			if (source instanceof Keyed keyed) {
				return Values.value(keyed.key());
			}
			if (source instanceof PartialDate date) {
				return Values.value(date.toString());
			}
			Value value = (Value) source;
			if (value.isNull()) {
				return null;
			}
			String text = value.asString();
			if (targetType.getType() == PartialDate.class) {
				try {
					return PartialDate.parse(text);
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
			return Arrays.stream(targetType.getType().getEnumConstants())
				.filter(c -> ((Keyed) c).key().equals(text))
				.findFirst()
				.orElse(null);
		}

	}

}
