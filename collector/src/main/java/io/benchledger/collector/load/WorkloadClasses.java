package io.benchledger.collector.load;

import io.benchledger.workload.Workload;
import java.lang.reflect.InvocationTargetException;

/** Loads and creates a user's {@link Workload}; a missing or unfit class is a clear error. */
final class WorkloadClasses {
    private WorkloadClasses() {
    }

    /** @throws IllegalArgumentException naming the class and what is wrong with it */
    static Workload instantiate(String className, ClassLoader loader) {
        Class<?> c;
        try {
            c = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("class " + className + " not found on the class path"
                    + (e instanceof LinkageError ? " (" + e + ")" : ""));
        }
        if (!Workload.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("class " + className + " does not implement " + Workload.class.getName());
        }
        try {
            return (Workload) c.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("class " + className + " has no public constructor without arguments");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("class " + className + ": its constructor threw " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("class " + className + " cannot be created (" + e + ")");
        }
    }
}
