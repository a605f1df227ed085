package dev.holdfast.shared.web;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Gives every template {@code #times}, the company's clock ({@link HoldfastClock}), so
 * that pages show times in {@code holdfast.zone} and not in the zone of the server's JVM,
 * as Thymeleaf's own {@code #temporals} and {@code #dates} would.
 */
@Component
class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final HoldfastClock clock;

	TimesDialect(HoldfastClock clock) {
		super("holdfast-times");
		this.clock = clock;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("times");
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return TimesDialect.this.clock;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
