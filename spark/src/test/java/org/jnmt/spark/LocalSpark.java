package org.jnmt.spark;

import org.apache.spark.sql.SparkSession;

/** A Spark session in this JVM for the tests: no web UI, driver bound to and reached at 127.0.0.1 only. */
final class LocalSpark {

    private LocalSpark() {}

    static SparkSession start(String master, String appName) {
        return SparkSession.builder()
                .master(master)
                .appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
