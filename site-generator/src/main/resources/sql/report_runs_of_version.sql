-- Which runs of a project measured one version, and where? (oldest first; the report's appendix)
SELECT run_id, version, started_at, suite, environment, trigger, "commit", branch, host, os, arch, cpu_model,
       cpu_count, memory_bytes, jvm_vendor, jvm_version, jvm_args, harness, harness_version
FROM runs
WHERE project = ? AND version = ?
ORDER BY started_at, run_id
