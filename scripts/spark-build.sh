#!/usr/bin/env bash
# What the Spark scripts (spark-local.sh, spark-compare.sh) run before anything else: builds and
# installs the core and spark/ (with spark/target/jnmt-spark-all.jar, the one jar spark-submit
# needs), and writes Spark's own class path, to run org.apache.spark.deploy.SparkSubmit (what
# spark-submit runs) from the Maven-resolved jars, into CLASSPATH_FILE.
#
#   scripts/spark-build.sh CLASSPATH_FILE
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
# Installed, so that spark/ alone resolves the core for its class path.
mvn -B -q -Pcluster-jar install -DskipTests
mvn -B -q -f spark/pom.xml dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$1"
