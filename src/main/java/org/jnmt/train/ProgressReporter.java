package org.jnmt.train;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jnmt.util.Console;

/**
 * The trainer's voice: messages and reports go to the run's {@link RunLog} and to the terminal
 * (stderr). On an interactive terminal {@link #update} redraws one live progress line in place
 * with '\r' (at most {@value #REDRAWS_PER_SECOND} times a second); elsewhere only the permanent
 * lines of {@link #report} appear, so that a log file gets one line per report. {@code --quiet}
 * keeps the terminal to warnings; train.log gets everything regardless.
 */
public final class ProgressReporter {

    static final int REDRAWS_PER_SECOND = 5;

    private final RunLog log;
    private final long totalSteps;
    private final double maxSeconds;
    private final PrintWriter terminal;
    private final boolean interactive;
    private final boolean quiet;
    private final LongSupplier nanoClock;
    private String liveLine = "";
    private long lastDrawNanos;
    private boolean drawn;
    private long firstStep = -1;
    private double firstElapsed;

    /**
     * @param totalSteps the planned number of steps for the ETA (epochs x batches per epoch; 0 if unknown)
     * @param maxSeconds the time limit for the ETA (training.max_minutes x 60; 0 for none)
     */
    public ProgressReporter(RunLog log, long totalSteps, double maxSeconds) {
        this(log, totalSteps, maxSeconds, Console.writer(), Console.interactive(), Console.quiet(), System::nanoTime);
    }

    ProgressReporter(
            RunLog log,
            long totalSteps,
            double maxSeconds,
            PrintWriter terminal,
            boolean interactive,
            boolean quiet,
            LongSupplier nanoClock) {
        this.log = log;
        this.totalSteps = totalSteps;
        this.maxSeconds = maxSeconds;
        this.terminal = terminal;
        this.interactive = interactive;
        this.quiet = quiet;
        this.nanoClock = nanoClock;
    }

    /** The state after a step, for the live line; cheap enough to call after every step. */
    public synchronized void update(TrainReport progress) {
        rememberStart(progress);
        if (!interactive || quiet) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (drawn && now - lastDrawNanos < 1_000_000_000L / REDRAWS_PER_SECOND) {
            return;
        }
        lastDrawNanos = now;
        draw(describe(progress));
    }

    /** A report every few steps: a permanent line on the terminal and in train.log. */
    public synchronized void report(TrainReport report) {
        rememberStart(report);
        info(describe(report));
    }

    /** A message (validation results, checkpoints written, ...): terminal unless quiet, and train.log. */
    public synchronized void info(String message) {
        log.write(message);
        if (!quiet) {
            printPermanent(message);
        }
    }

    /** Something the user must see even with --quiet. */
    public synchronized void warn(String message) {
        log.write("warning: " + message);
        printPermanent("warning: " + message);
    }

    /** Clears the live line, at the end of training. */
    public synchronized void finish() {
        clearLiveLine();
        liveLine = "";
        terminal.flush();
    }

    /** One report as a line: epoch, step, loss, perplexity, learning rate, speed, elapsed time and ETA. */
    String describe(TrainReport r) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d  step %d", r.epoch(), r.step()));
        if (totalSteps > 0) {
            line.append('/').append(totalSteps);
        }
        line.append(String.format(
                Locale.ROOT,
                "  loss %.3f  ppl %.1f  lr %.2e  %.0f tok/s  %s",
                r.loss(),
                r.perplexity(),
                r.learningRate(),
                r.targetTokensPerSecond(),
                duration(r.elapsedSeconds())));
        double eta = etaSeconds(r);
        if (eta >= 0) {
            line.append("  eta ").append(duration(eta));
        }
        return line.toString();
    }

    /** Seconds left, from the speed of this session; -1 when unknown. */
    private double etaSeconds(TrainReport r) {
        double spent = r.elapsedSeconds() - firstElapsed;
        long done = r.step() - firstStep;
        double eta = -1;
        if (totalSteps > 0 && done > 0 && spent > 0) {
            eta = Math.max(0, (totalSteps - r.step()) * spent / done);
        }
        if (maxSeconds > 0) {
            double left = Math.max(0, maxSeconds - r.elapsedSeconds());
            eta = eta < 0 ? left : Math.min(eta, left);
        }
        return eta;
    }

    private void rememberStart(TrainReport r) {
        if (firstStep < 0) {
            firstStep = r.step();
            firstElapsed = r.elapsedSeconds();
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private void draw(String line) {
        // Pad with spaces so that a shorter line covers the previous one completely.
        String padding = " ".repeat(Math.max(0, liveLine.length() - line.length()));
        terminal.print("\r" + line + padding);
        terminal.flush();
        liveLine = line;
        drawn = true;
    }

    private void printPermanent(String message) {
        clearLiveLine();
        terminal.println(message);
        if (drawn && interactive && !liveLine.isEmpty()) {
            terminal.print(liveLine);
        }
        terminal.flush();
    }

    private void clearLiveLine() {
        if (drawn && !liveLine.isEmpty()) {
            terminal.print("\r" + " ".repeat(liveLine.length()) + "\r");
        }
    }
}
