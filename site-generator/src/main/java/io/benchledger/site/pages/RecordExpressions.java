package io.benchledger.site.pages;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.standard.util.StandardExpressionUtils;
import org.thymeleaf.util.ExpressionUtils;

/**
 * Evaluates {@code ${cell.raw}}, {@code ${t.view()}}, {@code ${cs.first}} and other plain paths of
 * variables, record components, public no-argument methods of records and JavaBean getters directly,
 * with the values OGNL (for a bean: Thymeleaf's own shortcut) gives. That shortcut applies to JavaBeans
 * only, so a record's component went through OGNL's whole evaluation (a new OGNL context, the parsed
 * tree, the accessor lookup) for every cell of every table. Any other expression, and a path that
 * reaches something else (a list, a map, null), is OGNL's, as before.
 */
final class RecordExpressions implements IStandardVariableExpressionEvaluator {
    /** Words OGNL reads as operators or literals, never as property names. */
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "in", "instanceof", "new",
            "and", "or", "eq", "neq", "lt", "gt", "lte", "gte", "shl", "shr", "ushr", "band", "bor", "xor");
    /** Marks an expression that is not a plain path, or whose path once reached something this class does not read. */
    private static final Path OGNL = new Path(new String[0], new boolean[0], true);

    /**
     * The path's names; {@code call[i]}: the i-th is a method call {@code name()}; {@code last[i]}: the
     * method the i-th last read and the class it read it on (a class check is cheaper than the lookups).
     */
    record Path(String[] names, boolean[] call, boolean externalAccess, Step[] last) {
        Path(String[] names, boolean[] call, boolean externalAccess) {
            this(names, call, externalAccess, new Step[names.length]);
        }
    }

    /** A method found for a class; {@code bean}: a JavaBean getter (read in unrestricted contexts only). */
    private record Step(Class<?> type, Method method, boolean bean) {
    }

    private final IStandardVariableExpressionEvaluator ognl;
    private final ConcurrentHashMap<String, Path> paths = new ConcurrentHashMap<>();

    RecordExpressions(IStandardVariableExpressionEvaluator ognl) {
        this.ognl = ognl;
    }

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext expContext) {
        String exp = expression.getExpression();
        Path path = exp == null ? OGNL : paths.computeIfAbsent(exp, RecordExpressions::parse);
        // what OGNL would evaluate on another root, or refuse in a restricted context, stays OGNL's
        if (path == OGNL || !(context instanceof ITemplateContext tc)
                || (expression.getUseSelectionAsRoot() && tc.hasSelectionTarget())
                || (expContext.getRestrictExternalAccess() && path.externalAccess())) {
            return ognl.evaluate(context, expression, expContext);
        }
        boolean restricted = expContext.getRestrictVariableAccess() || expContext.getRestrictExternalAccess();
        Object target = tc.getVariable(path.names[0]);
        for (int i = 1; i < path.names.length; i++) {
            Method m = null;
            if (target != null) {
                Step last = path.last[i];
                if (last != null && last.type == target.getClass() && !(restricted && last.bean)) {
                    m = last.method;
                } else {
                    m = method(target, path.names[i], path.call[i], restricted);
                    if (m != null) {
                        path.last[i] = new Step(target.getClass(), m,
                                !path.call[i] && RecordAccessor.component(target.getClass(), path.names[i]) == null);
                    }
                }
            }
            if (m == null) {
                if (!restricted) {
                    paths.put(exp, OGNL);
                }
                return ognl.evaluate(context, expression, expContext);
            }
            try {
                target = m.invoke(target);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return ognl.evaluate(context, expression, expContext); // OGNL reports it its own way
            }
        }
        if (!expContext.getPerformTypeConversion()) {
            return target;
        }
        return StandardExpressions.getConversionService(context.getConfiguration()).convert(context, target, String.class);
    }

    private static Method method(Object target, String name, boolean call, boolean restricted) {
        Class<?> type = target.getClass();
        Method m = call ? null : RecordAccessor.component(type, name);
        if (m != null || target instanceof Class) {
            return m;
        }
        // a call, or a JavaBean's getter (a loop's status: cs.first) as Thymeleaf's own shortcut reads it where
        // that applies; a member Thymeleaf forbids stays OGNL's to refuse
        m = call ? publicMethod(type, name)
                : restricted ? null : BEANS.get(type).computeIfAbsent(name, n -> beanGetter(type, n)).orElse(null);
        return m == null || ExpressionUtils.isMemberForbidden(target, m.getName()) ? null : m;
    }

    private static Method publicMethod(Class<?> type, String name) {
        if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())) {
            return null;
        }
        try {
            Method m = type.getMethod(name);
            return m.getDeclaringClass() == type && Modifier.isPublic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static final ClassValue<ConcurrentHashMap<String, Optional<Method>>> BEANS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The read method Thymeleaf's shortcut uses: only for objects OGNL reads with its plain object accessor. */
    private static Optional<Method> beanGetter(Class<?> type, String name) {
        try {
            if (type.isRecord() || OgnlRuntime.getPropertyAccessor(type).getClass() != ObjectPropertyAccessor.class) {
                return Optional.empty();
            }
            for (PropertyDescriptor d : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
                if (d.getName().equals(name)) {
                    return Optional.ofNullable(d.getReadMethod());
                }
            }
        } catch (OgnlException | IntrospectionException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code a.b.c()}: identifiers (no OGNL keyword) and empty calls, the first a variable; else {@link #OGNL}. */
    static Path parse(String exp) {
        String[] parts = exp.split("\\.", -1);
        String[] names = new String[parts.length];
        boolean[] call = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i > 0 && p.endsWith("()")) {
                p = p.substring(0, p.length() - 2);
                call[i] = true;
            }
            if (!identifier(p) || KEYWORDS.contains(p) || (i == 0 && p.equals("param"))) {
                return OGNL;
            }
            names[i] = p;
        }
        return new Path(names, call, StandardExpressionUtils.containsExternalAccess(exp));
    }

    private static boolean identifier(String s) {
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
