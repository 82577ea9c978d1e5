#!/usr/bin/env bash
# tools/graphiql/fetch.sh DIR: fill DIR with GraphiQL's files, for
# GraphQLApp(graphiql_assets=DIR) on machines without internet access.
#
# Installs the versions package-lock.json pins (graphiql 3.9.0, react and
# react-dom 18.3.1) from the npm registry with `npm ci`, then copies the four
# files the GraphiQL page loads into DIR, flat:
#
#   react.production.min.js  react-dom.production.min.js
#   graphiql.min.js          graphiql.min.css
#
# Run it where npm can reach the registry, then ship DIR with the app.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
dest=$(cd "$1" && pwd)

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
modules=$here/node_modules
cp "$modules/react/umd/react.production.min.js" \
   "$modules/react-dom/umd/react-dom.production.min.js" \
   "$modules/graphiql/graphiql.min.js" \
   "$modules/graphiql/graphiql.min.css" \
   "$dest/"
echo "GraphiQL's files are in $dest: GraphQLApp(schema, graphiql_assets=\"$dest\")"
