package cn.landscape.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import cn.landscape.LandscapeProperties;

/** A page size: from 1 to the row cap ({@code landscape.query.max-rows}); null means the default. */
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxRows.Check.class)
public @interface MaxRows {

	String message() default "must be between 1 and the row cap";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<MaxRows, Integer> {

		private final int maxRows;

		Check(LandscapeProperties properties) {
			this.maxRows = properties.query().maxRows();
		}

		@Override
		public boolean isValid(Integer value, ConstraintValidatorContext context) {
			if (value == null || (value >= 1 && value <= maxRows)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("must be between 1 and " + maxRows + ", was " + value)
				.addConstraintViolation();
			return false;
		}

	}

}
