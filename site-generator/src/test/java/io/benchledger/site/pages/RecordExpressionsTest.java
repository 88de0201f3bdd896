package io.benchledger.site.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class RecordExpressionsTest {
    public record Inner(String text, int n) {
    }

    public record Outer(Inner inner, List<Inner> items, Map<String, String> map, String getter, boolean empty) {
        public String getGetter() {
            return "from the getter";
        }

        public String shout() {
            return inner.text().toUpperCase(Locale.ROOT);
        }
    }

    private static final String TEMPLATE = """
            <p th:text="${o.inner.text}">x</p><p th:text="${o.inner.n}">x</p><p th:text="${o.shout()}">x</p>
            <p th:text="${o.getter}">x</p><p th:text="${o.map.k}">x</p><p th:text="${o.items.size()}">x</p>
            <p th:if="${o.empty}">empty</p><p th:unless="${o.empty}">not empty</p>
            <p th:each="i, s : ${o.items}" th:class="${s.first}" th:attr="data-v=${i.text}" th:utext="${i.n}">x</p>
            <p th:text="${missing}">x</p><p th:text="${o.inner.n + 1}">x</p><p th:text="${o.items[1].text}">x</p>""";

    private static TemplateEngine engine(boolean direct) {
        TemplateEngine engine = new TemplateEngine();
        StringTemplateResolver r = new StringTemplateResolver();
        r.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(r);
        RecordAccessor.install();
        if (direct) {
            StandardDialect dialect = new StandardDialect();
            dialect.setVariableExpressionEvaluator(new RecordExpressions(dialect.getVariableExpressionEvaluator()));
            engine.setDialect(dialect);
        }
        return engine;
    }

    private static String render(TemplateEngine engine, String template, Object o) {
        Context ctx = new Context(Locale.ROOT);
        ctx.setVariable("o", o);
        return engine.process(template, ctx);
    }

    @Test
    void givesWhatOgnlGives() {
        Outer o = new Outer(new Inner("a<b", 3), List.of(new Inner("x", 1), new Inner("y", 2)), Map.of("k", "v"),
                "the component", false);
        String expected = render(engine(false), TEMPLATE, o);
        TemplateEngine direct = engine(true);
        assertThat(render(direct, TEMPLATE, o)).isEqualTo(expected).contains("from the getter", "A&lt;B", "data-v=\"y\"");
        // the second time from the cached paths
        assertThat(render(direct, TEMPLATE, o)).isEqualTo(expected);
    }

    @Test
    void aNullOnThePathFailsAsInOgnl() {
        Outer o = new Outer(null, List.of(), Map.of(), "", true);
        String template = "<p th:text=\"${o.inner.text}\">x</p>";
        assertThatThrownBy(() -> render(engine(false), template, o)).hasMessageContaining("o.inner.text");
        assertThatThrownBy(() -> render(engine(true), template, o)).hasMessageContaining("o.inner.text");
    }

    @Test
    void onlyPlainPathsAreRead() {
        assertThat(RecordExpressions.parse("cell.raw")).isNotNull();
        for (String e : List.of("a.b + 1", "a[0]", "#strings.x", "a.true", "not", "a.b(1)", "param.x", " a", "a..b", "1a")) {
            assertThat(RecordExpressions.parse(e)).as(e).isSameAs(RecordExpressions.parse("a+b"));
        }
    }
}
