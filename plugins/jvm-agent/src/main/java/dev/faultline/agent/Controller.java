package dev.faultline.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import org.jspecify.annotations.Nullable;

/**
 * The agent's state in the target JVM: the active faults by id, and per faulted method one
 * Byte Buddy transformation, installed with the first fault on it and reset (the classes
 * retransformed back to their own code) when its last fault is removed.
 */
final class Controller {
    private final Instrumentation inst;
    private final Hook hook = new Hook();
    private final Map<String, FaultSpec> faults = new LinkedHashMap<>();
    private final Map<String, ResettableClassFileTransformer> transformations = new LinkedHashMap<>();

    Controller(Instrumentation inst) {
        this.inst = inst;
        if (!inst.isRetransformClassesSupported()) {
            throw new IllegalStateException("this JVM cannot retransform classes");
        }
        System.getProperties().put(Hook.PROPERTY, hook);
    }

    String handle(Map<String, String> c) {
        String cmd = c.containsKey("cmd") ? c.get("cmd") : "";
        switch (cmd) {
            case "add":
                return add(FaultSpec.of(c));
            case "remove":
                return remove(c.containsKey("id") ? c.get("id") : "");
            case "status":
                return status(c.containsKey("id") ? c.get("id") : "", c.get("class"));
            default:
                return Command.format("ok", "false", "error", "unknown command '" + cmd + "' (add, remove or status)");
        }
    }

    private String add(FaultSpec f) {
        if (faults.containsKey(f.id)) {
            return Command.format("ok", "true", "added", "false", "detail", f.id + " is in place already");
        }
        List<Class<?>> loaded = loaded(f.className);
        if (loaded.isEmpty()) {
            return Command.format(
                    "ok",
                    "false",
                    "error",
                    "no class " + f.className + " is loaded in this JVM"
                            + " (check the name; a class is loaded when it is first used)");
        }
        int overloads = 0;
        for (Class<?> type : loaded) {
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(f.method) && !java.lang.reflect.Modifier.isAbstract(m.getModifiers())) {
                    overloads++;
                    String problem = check(f, m, type);
                    if (problem != null) {
                        return Command.format("ok", "false", "error", problem);
                    }
                }
            }
        }
        if (overloads == 0) {
            return Command.format(
                    "ok", "false", "error", f.className + " has no method named " + f.method + " with a body");
        }
        faults.put(f.id, f);
        hook.add(f);
        if (!transformations.containsKey(f.key())) {
            transformations.put(f.key(), install(f));
        }
        for (Class<?> type : loaded) {
            if (!ClassBytes.carriesHook(inst, type)) {
                remove(f.id);
                return Command.format("ok", "false", "error", "Byte Buddy could not instrument " + f.key());
            }
        }
        return Command.format("ok", "true", "added", "true", "overloads", Integer.toString(overloads));
    }

    private static @Nullable String check(FaultSpec f, Method m, Class<?> type) {
        try {
            if (f.action == FaultSpec.Action.RETURN) {
                Values.convert(f.value, m.getReturnType().getTypeName());
            } else if (f.action == FaultSpec.Action.EXCEPTION) {
                Values.exceptionType(f.exception, type.getClassLoader());
            }
            return null;
        } catch (ClassNotFoundException e) {
            return "the exception class " + f.exception + " is not visible to " + type.getName();
        } catch (IllegalArgumentException e) {
            return f.key() + " (" + m.getReturnType().getTypeName() + "): " + e.getMessage();
        }
    }

    private ResettableClassFileTransformer install(FaultSpec f) {
        return new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .type(named(f.className))
                .transform((builder, type, loader, module, domain) -> builder.visit(
                                Advice.to(FaultAdvice.Returning.class)
                                        .on(named(f.method)
                                                .and(not(isAbstract()))
                                                .and(not(isNative()))
                                                .and(not(returns(void.class)))))
                        .visit(Advice.to(FaultAdvice.Void.class)
                                .on(named(f.method)
                                        .and(not(isAbstract()))
                                        .and(not(isNative()))
                                        .and(returns(void.class)))))
                .installOn(inst);
    }

    private String remove(String id) {
        FaultSpec f = faults.remove(id);
        if (f == null) {
            return Command.format("ok", "true", "removed", "false", "detail", "no fault " + id + " is in place");
        }
        hook.remove(f);
        boolean lastOnMethod = faults.values().stream().noneMatch(x -> x.key().equals(f.key()));
        if (lastOnMethod) {
            ResettableClassFileTransformer t = transformations.remove(f.key());
            if (t != null) {
                t.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            }
        }
        return Command.format("ok", "true", "removed", "true", "restored", Boolean.toString(lastOnMethod));
    }

    /** Whether the fault is registered, and whether the class's current code still calls the hook. */
    private String status(String id, @Nullable String className) {
        FaultSpec f = faults.get(id);
        String name = f != null ? f.className : className;
        boolean instrumented = false;
        if (name != null) {
            for (Class<?> type : loaded(name)) {
                instrumented |= ClassBytes.carriesHook(inst, type);
            }
        }
        List<String> ids = new ArrayList<>(faults.keySet());
        return Command.format(
                "ok",
                "true",
                "active",
                Boolean.toString(f != null),
                "instrumented",
                Boolean.toString(instrumented),
                "faults",
                String.join(",", ids));
    }

    private List<Class<?>> loaded(String name) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getName().equals(name) && inst.isModifiableClass(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
