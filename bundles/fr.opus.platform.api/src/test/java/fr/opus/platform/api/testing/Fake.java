package fr.opus.platform.api.testing;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A plain test double of a service interface: it answers the methods it was given, records every call, and fails the
 * test on any other method — a call the test did not expect is a bug, not something to answer. Shared with the
 * adapter bundles' tests through this bundle's test-jar.
 */
public final class Fake<T> {

    /** One call: the method's name and its arguments. */
    public record Call(String method, List<Object> args) {

        public Object arg(int index) {
            return args.get(index);
        }
    }

    private final Class<T> type;
    private final Map<String, Function<Object[], Object>> answers = new HashMap<>();
    public final List<Call> calls = new ArrayList<>();

    private Fake(Class<T> type) {
        this.type = type;
    }

    public static <T> Fake<T> of(Class<T> type) {
        return new Fake<>(type);
    }

    /** Answers {@code method} with {@code answer} applied to the arguments; a thrown exception is thrown. */
    public Fake<T> on(String method, Function<Object[], Object> answer) {
        answers.put(method, answer);
        return this;
    }

    public Fake<T> returns(String method, Object value) {
        return on(method, args -> value);
    }

    public Fake<T> fails(String method, RuntimeException failure) {
        return on(method, args -> {
            throw failure;
        });
    }

    public T service() {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "Fake<" + type.getSimpleName() + ">";
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            Object[] given = args == null ? new Object[0] : args;
            calls.add(new Call(method.getName(), Arrays.asList(given)));
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new AssertionError(type.getSimpleName() + "." + method.getName() + " was not expected here");
            }
            return answer.apply(given);
        }));
    }

    /** The only call made, which must be of {@code method}. */
    public Call only(String method) {
        if (calls.size() != 1 || !calls.get(0).method().equals(method)) {
            throw new AssertionError("expected one call of " + method + ", got " + calls);
        }
        return calls.get(0);
    }
}
