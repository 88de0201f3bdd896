package io.benchledger.site.pages;

import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The site's Thymeleaf templates and static assets: the user's folder ({@code --templates DIR})
 * first, file by file, then the copies the jar carries (from the repository's
 * {@code templates/site/}).
 */
public final class Templates {
    public static final String BUILT_IN = "templates/site/";
    private final TemplateEngine engine = new TemplateEngine();
    private final Optional<Path> dir;

    public Templates(Optional<Path> dir) {
        RecordAccessor.install();
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new RecordExpressions(dialect.getVariableExpressionEvaluator()));
        engine.setDialect(dialect);
        this.dir = dir.map(p -> p.toAbsolutePath().normalize());
        if (this.dir.isPresent() && !Files.isDirectory(this.dir.get())) {
            throw new BadInputException("--templates " + dir.get() + ": no such folder");
        }
        int order = 1;
        if (this.dir.isPresent()) {
            FileTemplateResolver file = new FileTemplateResolver();
            configure(file, this.dir.get() + "/", order++);
            file.setCheckExistence(true);
            engine.addTemplateResolver(file);
        }
        ClassLoaderTemplateResolver cp = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        configure(cp, BUILT_IN, order);
        engine.addTemplateResolver(cp);
    }

    private static void configure(AbstractConfigurableTemplateResolver r, String prefix, int order) {
        r.setPrefix(prefix);
        r.setSuffix("");
        r.setTemplateMode(TemplateMode.HTML);
        r.setXmlTemplateModePatterns(Set.of("*.xml"));
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        r.setOrder(order);
    }

    /**
     * Renders a page: the frame's components and the page record's components are the template's
     * variables, by their names (a typed record per page, so a template and its page class cannot
     * drift apart silently).
     */
    public String render(String template, PageFrame frame, Record page) {
        Context ctx = new Context(java.util.Locale.ROOT);
        put(ctx, frame);
        put(ctx, page);
        return engine.process(template, ctx);
    }

    /** Renders a document that has no layout frame (the Atom feed). */
    public String render(String template, Record doc) {
        Context ctx = new Context(java.util.Locale.ROOT);
        put(ctx, doc);
        return engine.process(template, ctx);
    }

    private static void put(Context ctx, Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                ctx.setVariable(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("page record " + r.getClass().getName() + "." + c.getName(), e);
            }
        }
    }

    /** A static asset or template file's bytes: the user's copy when there is one, else the built-in one. */
    public byte[] resource(String name) throws IOException {
        if (dir.isPresent()) {
            Path p = dir.get().resolve(name).normalize();
            if (p.startsWith(dir.get()) && Files.isRegularFile(p)) {
                return Files.readAllBytes(p);
            }
        }
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
            if (in == null) {
                throw new IOException("built-in template resource missing: " + BUILT_IN + name);
            }
            return in.readAllBytes();
        }
    }

    /** A hash over the given templates and assets: pages made from other templates are stale. */
    public String fingerprint(String... names) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(n).append('\u0000').append(SafeNames.hash(new String(resource(n),
                    java.nio.charset.StandardCharsets.ISO_8859_1))).append('\n');
        }
        return SafeNames.hash(sb.toString());
    }
}
