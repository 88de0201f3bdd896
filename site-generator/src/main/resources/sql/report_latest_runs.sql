-- Which are the latest runs of a project, and where did they run? (newest first; the nightly report)
SELECT run_id, version, started_at, suite, environment, trigger, "commit", branch, host, os, arch, cpu_model,
       cpu_count, memory_bytes, jvm_vendor, jvm_version, jvm_args, harness, harness_version
FROM runs
WHERE project = ?
ORDER BY started_at DESC, run_id DESC
LIMIT ?
