-- Where and how did one run of a project measure? (the report's appendix)
SELECT run_id, version, started_at, suite, environment, trigger, "commit", branch, host, os, arch, cpu_model,
       cpu_count, memory_bytes, jvm_vendor, jvm_version, jvm_args, harness, harness_version
FROM runs
WHERE project = ? AND run_id = ?
