package dev.holdfast.organization;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;

import dev.holdfast.ContextSwitch;
import dev.holdfast.HoldfastIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link ContextSwitch} on one test method holds for that test and is undone after it:
 * the shared context's four-eyes setting (off in the tests' configuration) is on for the
 * first test and off again for the next.
 */
@HoldfastIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContextSwitchIntegrationTests {

	@Autowired
	FourEyes fourEyes;

	@Test
	@Order(1)
	@ExtendWith(InsiderAttackHrIntegrationTests.FourEyesOn.class)
	void aSwitchOnATestHoldsForIt() {
		assertThat(this.fourEyes.required()).isTrue();
	}

	@Test
	@Order(2)
	void andIsUndoneAfterIt() {
		assertThat(this.fourEyes.required()).isFalse();
	}

}
