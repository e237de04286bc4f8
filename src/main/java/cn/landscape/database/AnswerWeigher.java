package cn.landscape.database;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Weigher;

/**
 * A cached answer's weight: its heap size estimated in kB, from above (shared objects are counted at each
 * use). The answers are records, lists, maps, strings and numbers; one chip's dependents at a million
 * nodes is over a megabyte and another's a few hundred bytes, so a cache bounded by count is bounded by
 * nothing. Estimated once per entry, when it is cached.
 */
final class AnswerWeigher implements Weigher<Object, Object> {

	/** Each record class's accessors, read once. */
	private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
		@Override
		protected Method[] computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Method[] accessors = new Method[components.length];
			for (int i = 0; i < components.length; i++) {
				accessors[i] = components[i].getAccessor();
				accessors[i].setAccessible(true);
			}
			return accessors;
		}
	};

	@Override
	public int weigh(Object key, Object value) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes(key) + bytes(value) + 1023) / 1024));
	}

	/** An upper estimate of the bytes {@code value} holds: object headers, references and contents. */
	static long bytes(Object value) {
		return switch (value) {
			case null -> 0;
			case CharSequence text -> 48 + 2L * text.length();
			case Number number -> 24;
			case Boolean flag -> 16;
			case Enum<?> constant -> 0;
			case Optional<?> optional -> 16 + bytes(optional.orElse(null));
			case Collection<?> items -> {
				long sum = 40 + 8L * items.size();
				for (Object item : items) {
					sum += bytes(item);
				}
				yield sum;
			}
			case Map<?, ?> map -> {
				long sum = 64 + 48L * map.size();
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					sum += bytes(entry.getKey()) + bytes(entry.getValue());
				}
				yield sum;
			}
			case Record record -> {
				Method[] accessors = ACCESSORS.get(record.getClass());
				long sum = 16 + 8L * accessors.length;
				for (Method accessor : accessors) {
					sum += bytes(component(accessor, record));
				}
				yield sum;
			}
			case Object[] array -> {
				long sum = 16 + 8L * array.length;
				for (Object item : array) {
					sum += bytes(item);
				}
				yield sum;
			}
			default -> 64;
		};
	}

	private static Object component(Method accessor, Record record) {
		try {
			return accessor.invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + accessor + " to weigh a cached answer", ex);
		}
	}

}
