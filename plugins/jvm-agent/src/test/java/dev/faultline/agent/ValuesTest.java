package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void aValueIsConvertedToTheMethodsReturnType() {
        assertThat(Values.convert("42", "int")).isEqualTo(42);
        assertThat(Values.convert("-1", "java.lang.Long")).isEqualTo(-1L);
        assertThat(Values.convert("2.5", "double")).isEqualTo(2.5);
        assertThat(Values.convert("true", "boolean")).isEqualTo(true);
        assertThat(Values.convert("x", "char")).isEqualTo('x');
        assertThat(Values.convert("hello", "java.lang.String")).isEqualTo("hello");
        assertThat(Values.convert("null", "int")).isEqualTo(0);
        assertThat(Values.convert("null", "java.lang.Integer")).isNull();
        assertThat(Values.convert("null", "java.util.List")).isNull();
        assertThat(Values.convert("anything", "void")).isNull();
    }

    @Test
    void aValueThatDoesNotFitIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Values.convert("lots", "int")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Values.convert("yes", "boolean")).hasMessageContaining("is not true or false");
        assertThatThrownBy(() -> Values.convert("[]", "java.util.List"))
                .hasMessageContaining("can only be made to return null");
    }

    @Test
    void theExceptionIsMadeWithTheMessageOrWithout() {
        Map<String, String> c = Command.parse(Command.format(
                "id",
                "f",
                "class",
                "a.B",
                "method",
                "m",
                "action",
                "exception",
                "exception",
                "java.io.IOException",
                "message",
                "disk & fire = 100%"));
        FaultSpec f = FaultSpec.of(c);
        Throwable t = Values.exception(f, ValuesTest.class);
        assertThat(t).isInstanceOf(java.io.IOException.class).hasMessage("disk & fire = 100%");
        FaultSpec none = FaultSpec.of(Command.parse(Command.format(
                "id", "f", "class", "a.B", "method", "m", "action", "exception", "exception", "java.lang.String")));
        assertThat(Values.exception(none, ValuesTest.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not make a java.lang.String");
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> FaultSpec.of(Command.parse(
                        Command.format("id", "f", "class", "a.B", "method", "m", "action", "latency", "share", "1.5"))))
                .hasMessageContaining("share must be in (0, 1]");
    }
}
