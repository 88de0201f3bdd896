-- Every run of a project, oldest first, with its environment (the runs page and every chart's x-axis)
-- and whether it is part of the history (the view defined in history.sql).
SELECT run_id, version, suite, environment, trigger, variant, commit, branch, started_at, finished_at,
       host, os, arch, cpu_model, cpu_count, memory_bytes, jvm_vendor, jvm_version, jvm_args,
       harness, harness_version, labels,
       run_id IN (SELECT run_id FROM history) AS in_history
FROM runs
WHERE project = ?
ORDER BY started_at, run_id
