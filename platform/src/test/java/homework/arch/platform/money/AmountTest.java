package homework.arch.platform.money;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AmountTest {

    @Test
    void isHeldAtScaleTwoSoEqualSumsAreEqual() {
        assertThat(Amount.of("7"), is(Amount.of("7.00")));
        assertThat(Amount.of("7.000").value(), is(new BigDecimal("7.00")));
        assertThat(Amount.of("0.01").toString(), is("0.01"));
    }

    @Test
    void theLimitItselfIsAllowed() {
        assertThat(Amount.of("1000000000.00").value(), is(Amount.MAX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "-0.01"})
    void mustBePositive(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Amount.of(value));
        assertThat(e.getMessage(), containsString("greater than 0"));
    }

    @Test
    void mustNotExceedTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Amount.of("1000000000.01"));
        assertThat(e.getMessage(), containsString("at most"));
    }

    @Test
    void mustHaveAtMostTwoDecimals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Amount.of("1.001"));
        assertThat(e.getMessage(), containsString("2 decimals"));
    }
}
