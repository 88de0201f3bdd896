-- Which runs measured run ? again? (A nightly measures what its run calls changed once more, trigger
-- 'confirm', label 'confirms' = the run; the gate judged the run and these together.)
SELECT run_id
FROM runs
WHERE trigger = 'confirm' AND labels['confirms'] = ?
ORDER BY started_at, run_id
