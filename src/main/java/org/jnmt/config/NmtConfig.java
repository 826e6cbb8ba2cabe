package org.jnmt.config;

/**
 * The whole configuration, one YAML file with {@code data}, {@code model}, {@code training} and
 * {@code testing} sections (keys in snake_case). Read with {@link ConfigLoader}.
 */
public class NmtConfig {
    public DataConfig data = new DataConfig();
    public ModelConfig model = new ModelConfig();
    public TrainingConfig training = new TrainingConfig();
    public TestingConfig testing = new TestingConfig();
}
