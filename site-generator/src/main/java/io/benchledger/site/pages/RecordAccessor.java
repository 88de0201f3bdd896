package io.benchledger.site.pages;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Reads a record's component ({@code ${cell.text}}) through its accessor, found once per record
 * class. OGNL's own path looks for {@code getText()} and {@code isText()} first, and when a record
 * has neither (records never do) it scans every public method of the class, lower-casing each name,
 * on every evaluation: most of a page's rendering time went there. A component whose class does have
 * such a getter, and any other property, still takes OGNL's path, so what a template reads is
 * unchanged.
 */
final class RecordAccessor extends ObjectPropertyAccessor {
    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> out = new HashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return out;
            }
            for (RecordComponent c : components) {
                String cap = Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1);
                if (hasGetter(type, "get" + cap) || hasGetter(type, "is" + cap)) {
                    continue;
                }
                Method m = c.getAccessor();
                try {
                    m.setAccessible(true);
                } catch (RuntimeException e) {
                    continue;
                }
                out.put(c.getName(), m);
            }
            return Map.copyOf(out);
        }
    };

    private static boolean hasGetter(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The accessor OGNL would call for this record component, or null when OGNL would take another
     * path (the class is no record, its accessor is not this one, or the component has a getter).
     */
    static Method component(Class<?> type, String name) {
        return VIA_OGNL.get(type).get(name);
    }

    /** A record class's components as OGNL reads them through this accessor: none when OGNL uses another. */
    private static final ClassValue<Map<String, Method>> VIA_OGNL = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            try {
                return type.isRecord() && OgnlRuntime.getPropertyAccessor(type) instanceof RecordAccessor
                        ? COMPONENTS.get(type) : Map.of();
            } catch (OgnlException e) {
                return Map.of();
            }
        }
    };

    /** Installs the accessor for every record class (once; OGNL's accessors are global). */
    static void install() {
        Holder.INSTALLED.hashCode();
    }

    private static final class Holder {
        static final Object INSTALLED = new Object();

        static {
            OgnlRuntime.setPropertyAccessor(Record.class, new RecordAccessor());
        }
    }

    @Override
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        if (target != null && name instanceof String s) {
            Method m = COMPONENTS.get(target.getClass()).get(s);
            if (m != null) {
                try {
                    return m.invoke(target);
                } catch (IllegalAccessException e) {
                    throw new OgnlException(s, e);
                } catch (InvocationTargetException e) {
                    throw new OgnlException(s, e.getCause() instanceof Exception x ? x : e);
                }
            }
        }
        return super.getProperty(context, target, name);
    }
}
