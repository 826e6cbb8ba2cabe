package org.jnmt.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option's enum value by the constant's {@code toString()}, which is also how
 * {@code ${COMPLETION-CANDIDATES}} lists it in --help ({@code add-k}, {@code 13a}, {@code json}), and
 * names those choices, and only those, when none matches. (Picocli's own conversion also takes the
 * Java names and lists both spellings.)
 */
final class EnumConverter<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;

    private EnumConverter(Class<E> type) {
        this.type = type;
    }

    /** Registers the converter of {@code type} with a command line and its subcommands. */
    static <E extends Enum<E>> void register(CommandLine cli, Class<E> type) {
        cli.registerConverter(type, new EnumConverter<>(type));
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equals(value)) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + value + "' (choose from "
                + Arrays.stream(type.getEnumConstants()).map(E::toString).collect(Collectors.joining(", ")) + ")");
    }
}
