// The node peers of graftql's execution benchmarks: graphql-js and graphql-jit.
//
//   node bench.mjs --serve          driven by python -m bench (bench/nodepeers.py):
//                                   JSON lines on stdin and stdout, one operation
//   node bench.mjs < inputs.json    standalone: times every engine and mode on the
//                                   inputs (python -m bench.workloads.shop
//                                   node-inputs writes them) and prints JSON
//
// An operation is set up from a spec: engine ("graphql-js" | "graphql-jit"),
// mode ("execute": from the query text each time | "prepared": a parsed and
// validated document, or graphql-jit's compiled query), output ("object": the
// result object | "json": JSON.stringify of it), sdl, query, data (the root
// value), asyncFields ([type, field] pairs: their resolver becomes an async
// function returning parent[field]).
//
// graphql-jit from the text each time looks its compiled query up in a Map
// keyed by the text (compiled on a miss), as a server using it would: compiling
// on every request would be slower than graphql-js.

import { createInterface } from "node:readline";
import { readFileSync } from "node:fs";
import { buildSchema, execute, graphql, graphqlSync, parse, validate } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";

function makeSchema(sdl, asyncFields) {
  const schema = buildSchema(sdl);
  for (const [typeName, fieldName] of asyncFields ?? []) {
    const field = schema.getType(typeName).getFields()[fieldName];
    field.resolve = async (parent) => parent[fieldName];
  }
  return schema;
}

function prepare(schema, query) {
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(`invalid query: ${errors[0].message}`);
  return document;
}

function jitCompile(schema, query) {
  const compiled = compileQuery(schema, prepare(schema, query));
  if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit: ${compiled.errors[0].message}`);
  return compiled;
}

// A function doing one operation; it returns a promise when async is true.
export function setup(spec) {
  const schema = makeSchema(spec.sdl, spec.asyncFields);
  const { query, data: rootValue } = spec;
  const isAsync = (spec.asyncFields ?? []).length > 0;
  let run;
  if (spec.engine === "graphql-js") {
    if (spec.mode === "prepared") {
      const document = prepare(schema, query);
      run = () => execute({ schema, document, rootValue });
    } else if (isAsync) {
      run = () => graphql({ schema, source: query, rootValue });
    } else {
      run = () => graphqlSync({ schema, source: query, rootValue });
    }
  } else if (spec.engine === "graphql-jit") {
    if (spec.mode === "prepared") {
      const compiled = jitCompile(schema, query);
      run = () => compiled.query(rootValue, undefined, undefined);
    } else {
      const cache = new Map();
      run = (source = query) => {
        let compiled = cache.get(source);
        if (compiled === undefined) {
          compiled = jitCompile(schema, source);
          cache.set(source, compiled);
        }
        return compiled.query(rootValue, undefined, undefined);
      };
    }
  } else {
    throw new Error(`unknown engine ${spec.engine}`);
  }
  const json = spec.output === "json";
  if (isAsync) {
    return {
      isAsync,
      op: json ? async () => JSON.stringify(await run()) : () => run(),
    };
  }
  return { isAsync, op: json ? () => JSON.stringify(run()) : () => run() };
}

// Seconds for `loops` operations, timed here.
async function timeLoops({ isAsync, op }, loops) {
  let sink;
  const start = process.hrtime.bigint();
  if (isAsync) {
    for (let i = 0; i < loops; i++) sink = await op();
  } else {
    for (let i = 0; i < loops; i++) sink = op();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink === undefined) throw new Error("no result");
  return seconds;
}

async function output({ op }) {
  const result = await op();
  const text = typeof result === "string" ? result : JSON.stringify(result);
  return text;
}

async function serve() {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const reply = (message) => process.stdout.write(JSON.stringify(message) + "\n");
  let operation = null;
  for await (const line of lines) {
    try {
      const message = JSON.parse(line);
      if (operation === null) {
        operation = setup(message);
        reply({ ok: true });
      } else if (message.cmd === "output") {
        reply({ output: await output(operation) });
      } else if (message.cmd === "run") {
        reply({ seconds: await timeLoops(operation, message.loops) });
      } else {
        reply({ error: `unknown command ${line.slice(0, 80)}` });
      }
    } catch (error) {
      reply({ error: String(error?.stack ?? error) });
    }
  }
}

// Standalone: median of `rounds` rounds of about 0.2 s for each engine and mode.
async function standalone(inputs) {
  const results = [];
  for (const workload of inputs.workloads) {
    for (const engine of ["graphql-js", "graphql-jit"]) {
      const operation = setup({ ...workload, engine });
      await timeLoops(operation, 1);
      const once = await timeLoops(operation, 1);
      const loops = Math.max(1, Math.round(0.2 / Math.max(once, 1e-9)));
      const times = [];
      for (let round = 0; round < (inputs.rounds ?? 15); round++) {
        times.push((await timeLoops(operation, loops)) / loops);
      }
      times.sort((a, b) => a - b);
      results.push({
        workload: workload.name,
        engine,
        loops,
        median_s: times[Math.floor(times.length / 2)],
        min_s: times[0],
        max_s: times[times.length - 1],
      });
    }
  }
  const versions = {
    node: process.version,
    graphql: JSON.parse(readFileSync(new URL("./node_modules/graphql/package.json", import.meta.url))).version,
    "graphql-jit": JSON.parse(readFileSync(new URL("./node_modules/graphql-jit/package.json", import.meta.url))).version,
  };
  process.stdout.write(JSON.stringify({ versions, results }, null, 2) + "\n");
}

if (process.argv.includes("--serve")) {
  await serve();
} else {
  await standalone(JSON.parse(readFileSync(0, "utf8")));
}
