#!/usr/bin/env bash
# The run step of the composite action (action.yml): turns the action's inputs (INPUT_* in the
# environment) into one `tap-contract check` command, runs it, and writes the step outputs
# (exit-code, report-dir) to $GITHUB_OUTPUT. The job summary and annotations come from the
# `github` reporter, which is always on. Uploads nothing: that is the workflow's choice.
set -uo pipefail
set -f  # no globbing of list inputs

out="${INPUT_OUTPUT:-tap-contract-report}"

# The step outputs, written once whatever happened: tap-contract's exit code, or 2 when the
# action could not start it.
finish() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    {
      echo "exit-code=$1"
      echo "report-dir=$(cd "$(dirname "$out")" 2>/dev/null && pwd)/$(basename "$out")"
    } >> "$GITHUB_OUTPUT"
  fi
  exit "$1"
}
# A setup failure: exit code 2 ("could not start"), an error annotation and the job summary say what failed.
fail() {
  echo "::error title=tap-contract action::$1"
  echo "tap-contract action: $1" >&2
  [ -n "${GITHUB_STEP_SUMMARY:-}" ] && printf '## tap-contract: could not start\n\n%s\n' "$1" >> "$GITHUB_STEP_SUMMARY"
  finish 2
}

args=(check --out "$out")

[ -n "${INPUT_TARGET:-}" ] && args+=(--target "$INPUT_TARGET")
[ -n "${INPUT_CLOUD:-}" ] && args+=(--cloud "$INPUT_CLOUD")
# Lists: separated by commas, spaces or new lines.
for user in $(printf '%s' "${INPUT_USERS:-}" | tr ',\n' '  '); do args+=(--user "$user"); done
for method in $(printf '%s' "${INPUT_METHODS:-}" | tr ',\n' '  '); do args+=(--method "$method"); done
[ -n "${INPUT_CHECKS:-}" ] && args+=(--checks "$(printf '%s' "$INPUT_CHECKS" | tr -d ' \n')")
[ -n "${INPUT_SEVERITY:-}" ] && args+=(--severity "$INPUT_SEVERITY")
[ -n "${INPUT_ALLOWLIST:-}" ] && args+=(--allowlist "$INPUT_ALLOWLIST")

# The github reporter writes the annotations and the job summary, so it is always on.
reporters="$(printf '%s' "${INPUT_REPORTERS:-console,json,junit}" | tr -d ' \n')"
case ",$reporters," in *,github,*) ;; *) reporters="${reporters:+$reporters,}github" ;; esac
args+=(--reporter "$reporters")

# Anything else `tap-contract check --help` lists (e.g. --allow-writes --test-user ID), as words.
read -r -a extra <<< "$(printf '%s' "${INPUT_ARGS:-}" | tr '\n' ' ')"
args+=("${extra[@]}")

# Which tap-contract: the `command` input, else this action's own checkout (setup.sh installs it).
if [ -n "${INPUT_COMMAND:-}" ]; then
  read -r -a command <<< "$INPUT_COMMAND"
else
  # shellcheck source=setup.sh
  . "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
fi

"${command[@]}" "${args[@]}"
finish $?
