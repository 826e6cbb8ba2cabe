package org.jnmt.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Python's float formatting, digit for digit: {@code f'{x:.Nf}'} rounds the exact binary value half
 * to even (Java's {@code String.format} does not always), and {@code repr(x)} (what {@code json.dumps}
 * writes) prints the shortest digits that read back as the same double.
 */
public final class PythonFloats {

    /** The most significant digits a double can need to round-trip. */
    private static final int MAX_DIGITS = 17;

    private PythonFloats() {}

    /** Python's {@code f'{value:.{decimals}f}'}. */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String digits =
                new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negativeZero = Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
        return negativeZero || (value < 0 && !digits.startsWith("-")) ? "-" + digits : digits;
    }

    /** Python's {@code repr(value)} for a finite double: {@code 37.1}, {@code 37.0}, {@code 1e-05}. */
    public static String repr(double value) {
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= MAX_DIGITS; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        // value = 0.DIGITS * 10^pointPosition
        int pointPosition = digits.length() - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (pointPosition <= -4 || pointPosition > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = pointPosition - 1;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        if (pointPosition <= 0) {
            return sign + "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= digits.length()) {
            return sign + digits + "0".repeat(pointPosition - digits.length()) + ".0";
        }
        return sign + digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }
}
