#!/usr/bin/env bash
# The benchledger GitHub Action's work (action.yml passes its inputs as BL_* variables).
#   nightly:      measure, append the run to the archive branch and push it, publish the site folder
#   pull-request: measure the PR head in a scratch copy of the archive branch (never pushed), compare it
#                 with the base branch's recent history, write the summary, create or update one comment
# Exit code: benchledger's (0 passed, 1 gate failed, 2 bad input, 3 failure); a comment that cannot be
# written is a warning, never the job's result.
set -uo pipefail

workspace=${GITHUB_WORKSPACE:-$PWD}
scratch=${RUNNER_TEMP:-/tmp}/benchledger
archive=$scratch/archive
summary=$scratch/summary.md
mkdir -p "$scratch"
read -r -a bl <<< "${BL_COMMAND:-java -jar ${BL_JAR:?BL_JAR or BL_COMMAND must be set}}"
branch=${BL_ARCHIVE_BRANCH:-benchledger-archive}
mode=${BL_MODE:-nightly}

out() { [ -n "${GITHUB_OUTPUT:-}" ] && echo "$1" >> "$GITHUB_OUTPUT"; }
finish() { out "exit-code=$1"; out "summary=$summary"; exit "$1"; }

# The archive branch as a git worktree of the workspace's repository (so a push uses the job's
# credentials); a missing branch is an empty archive that the nightly creates.
rm -rf "$archive"
git -C "$workspace" worktree prune
if git -C "$workspace" ls-remote --exit-code --heads origin "$branch" > /dev/null 2>&1; then
  git -C "$workspace" fetch --quiet --no-tags origin "+refs/heads/$branch:refs/remotes/origin/$branch" || finish 3
  git -C "$workspace" worktree add --quiet --detach "$archive" "origin/$branch" || finish 3
else
  echo "benchledger: note: no branch '$branch' yet: starting an empty archive" >&2
  git -C "$workspace" worktree add --quiet --detach "$archive" || finish 3
  git -C "$archive" checkout --quiet --orphan "benchledger-new-archive"
  git -C "$archive" rm -rfq . > /dev/null 2>&1
  git -C "$archive" clean -fdxq
fi

common=(--archive "$archive" --project "${BL_PROJECT:-default}")
select=()
[ -n "${BL_CONFIG:-}" ] && select+=(--config "$workspace/$BL_CONFIG")
[ -n "${BL_SUITE:-}" ] && select+=(--suite "$BL_SUITE")
[ -n "${BL_PROFILE:-}" ] && select+=(--profile "$BL_PROFILE")
[ -n "${BL_ENVIRONMENT:-}" ] && select+=(--environment "$BL_ENVIRONMENT")
[ -n "${BL_BENCH_JAR:-}" ] && select+=(--jar "$workspace/$BL_BENCH_JAR")

if [ "$mode" = nightly ]; then
  notify=()
  while IFS= read -r url; do
    [ -n "$url" ] && notify+=(--notify "$url")
  done <<< "${BL_NOTIFY:-}"
  fail=()
  [ "${BL_FAIL_ON:-regression}" != none ] && fail=(--fail-on "${BL_FAIL_ON:-regression}")
  "${bl[@]}" nightly "${common[@]}" "${select[@]}" "${fail[@]}" "${notify[@]}" --git-dir "$workspace" \
    --project-version "$(git -C "$workspace" describe --tags --always)" \
    --site "$workspace/${BL_SITE:-site}" --summary "$summary"
  code=$?
  [ -f "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ] && cat "$summary" >> "$GITHUB_STEP_SUMMARY"
  if [ "$code" -le 1 ] && [ "${BL_FAIL_ON:-regression}" = none ]; then code=0; fi
  if [ "$code" -le 1 ]; then
    git -C "$archive" add -A
    if git -C "$archive" -c user.name=benchledger -c user.email=benchledger@users.noreply.github.com \
        commit --quiet -m "benchledger nightly run $(date -u +%F)"; then
      git -C "$archive" push --quiet origin "HEAD:refs/heads/$branch" || { echo "benchledger: error: could not push the archive to '$branch'" >&2; finish 3; }
    fi
  fi
  finish "$code"
fi

if [ "$mode" != pull-request ]; then
  echo "benchledger: mode: expected nightly, pull-request or auto, got '$mode'" >&2
  finish 2
fi

base=${BL_BASE_REF:?pull-request mode needs the base branch (github.base_ref)}
pr=${BL_PR_NUMBER:?pull-request mode needs the pull request number}
head=${BL_HEAD_REF:-pr-$pr}
# The PR head's run goes into the scratch copy under its own branch (GITHUB_REF_NAME would say "N/merge")
# and is judged against the base branch's history: recent:N:branch=BASE. GITHUB_SHA names the commit measured.
# The copy is removed below and never pushed.
"${bl[@]}" collect "${common[@]}" "${select[@]}" --branch "$head" --project-version "pr-$pr" --trigger manual
code=$?
if [ "$code" -ne 0 ]; then
  echo "benchledger: the pull request's benchmarks could not be measured (exit $code)" >&2
  git -C "$workspace" worktree remove --force "$archive"
  finish "$code"
fi
fail=()
[ "${BL_FAIL_ON:-regression}" != none ] && fail=(--fail-on "${BL_FAIL_ON:-regression}")
{
  echo "## benchledger: pull request #$pr against \`$base\`"
  echo
  "${bl[@]}" compare "recent:${BL_RECENT:-20}:branch=$base" latest "${common[@]}" --format markdown \
    --threshold "${BL_THRESHOLD:-5%}" "${fail[@]}" 2> "$scratch/compare.err"
  code=$?
  if [ "$code" -eq 2 ] && grep -q "no earlier run" "$scratch/compare.err"; then
    echo "No history of \`$base\` with the same suite and JMH settings in \`$branch\` yet: the nightly job builds it."
    code=0
  elif [ "$code" -gt 1 ]; then
    echo "benchledger could not compare: $(head -c 500 "$scratch/compare.err")"
  fi
  echo
  echo "<sub>Measured on commit ${GITHUB_SHA:-?} against the newest ${BL_RECENT:-20} runs of \`$base\` in \`$branch\`. This comment is updated on every push.</sub>"
} > "$summary"
cat "$scratch/compare.err" >&2
git -C "$workspace" worktree remove --force "$archive"
[ -n "${GITHUB_STEP_SUMMARY:-}" ] && cat "$summary" >> "$GITHUB_STEP_SUMMARY"

if [ "${BL_COMMENT:-true}" = true ]; then
  if [ -n "${BL_HEAD_REPO:-}" ] && [ "${BL_HEAD_REPO}" != "${GITHUB_REPOSITORY:-}" ]; then
    note="This pull request comes from a fork ($BL_HEAD_REPO): its job token cannot write comments, so the comparison is in the job summary only."
    echo "benchledger: note: $note" >&2
    [ -n "${GITHUB_STEP_SUMMARY:-}" ] && printf '\n> %s\n' "$note" >> "$GITHUB_STEP_SUMMARY"
  else
    "${bl[@]}" pr-comment --body "$summary" --pr "$pr" --key "${BL_SUITE:-default}" \
      || echo "::warning title=benchledger::the pull request comment could not be written (see the log above); the comparison is in the job summary"
  fi
fi
finish "$code"
