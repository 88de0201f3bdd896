# benchledger for CI jobs: the distribution built by `./mvnw -B -DskipTests package`, on a JDK (JMH
# forks need one; `--jvm` can point at another) with git (commit, branch and time of the run).
#   docker build -t benchledger .
#   docker run --rm -v "$PWD:/work" benchledger nightly --jar target/benchmarks.jar
FROM eclipse-temurin:17-jdk
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory '*'
ARG VERSION=0.1.0-SNAPSHOT
# ADD unpacks a local tar.gz
ADD distribution/target/benchledger-${VERSION}.tar.gz /opt/
RUN ln -s /opt/benchledger-${VERSION} /opt/benchledger
ENV PATH=/opt/benchledger/bin:$PATH
WORKDIR /work
ENTRYPOINT ["benchledger"]
CMD ["--help"]
