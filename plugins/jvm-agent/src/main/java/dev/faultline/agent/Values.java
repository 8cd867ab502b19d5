package dev.faultline.agent;

import java.lang.reflect.Constructor;
import org.jspecify.annotations.Nullable;

/** Turning a fault's text into what a method returns or throws. */
final class Values {
    private Values() {}

    /** The value for a method of return type {@code type} (a Java type name), or why there is none. */
    static @Nullable Object convert(String value, String type) {
        boolean isNull = value.equals("null");
        switch (type) {
            case "int":
            case "java.lang.Integer":
                return isNull
                        ? (type.equals("int") ? Integer.valueOf(0) : null)
                        : Integer.valueOf(Integer.parseInt(value.trim()));
            case "long":
            case "java.lang.Long":
                return isNull
                        ? (type.equals("long") ? Long.valueOf(0) : null)
                        : Long.valueOf(Long.parseLong(value.trim()));
            case "short":
            case "java.lang.Short":
                return isNull ? (type.equals("short") ? Short.valueOf((short) 0) : null) : Short.valueOf(value.trim());
            case "byte":
            case "java.lang.Byte":
                return isNull ? (type.equals("byte") ? Byte.valueOf((byte) 0) : null) : Byte.valueOf(value.trim());
            case "double":
            case "java.lang.Double":
                return isNull ? (type.equals("double") ? Double.valueOf(0) : null) : Double.valueOf(value.trim());
            case "float":
            case "java.lang.Float":
                return isNull ? (type.equals("float") ? Float.valueOf(0) : null) : Float.valueOf(value.trim());
            case "boolean":
            case "java.lang.Boolean":
                if (isNull) {
                    return type.equals("boolean") ? Boolean.FALSE : null;
                }
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("'" + value + "' is not true or false");
                }
                return Boolean.valueOf(value);
            case "char":
            case "java.lang.Character":
                if (value.length() != 1) {
                    throw new IllegalArgumentException("'" + value + "' is not one character");
                }
                return Character.valueOf(value.charAt(0));
            case "void":
                return null;
            case "java.lang.String":
            case "java.lang.CharSequence":
            case "java.lang.Object":
                return isNull ? null : value;
            default:
                if (isNull) {
                    return null;
                }
                throw new IllegalArgumentException("a method returning " + type + " can only be made to return null");
        }
    }

    /** A new instance of the fault's exception, made with the message if it has such a constructor. */
    static Throwable exception(FaultSpec f, Class<?> target) {
        try {
            Class<?> type = exceptionType(f.exception, target.getClassLoader());
            try {
                Constructor<?> withMessage = type.getConstructor(String.class);
                return (Throwable) withMessage.newInstance(f.message);
            } catch (NoSuchMethodException e) {
                return (Throwable) type.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new IllegalStateException(
                    f.message + " (Faultline could not make a " + f.exception + ": " + e + ")");
        }
    }

    static Class<?> exceptionType(String name, @Nullable ClassLoader loader) throws ClassNotFoundException {
        Class<?> type = Class.forName(name, false, loader);
        if (!Throwable.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(name + " is not an exception (not a Throwable)");
        }
        return type;
    }
}
